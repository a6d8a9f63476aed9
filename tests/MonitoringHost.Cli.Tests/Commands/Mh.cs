namespace MonitoringHost.Cli.Tests.Commands;

/// <summary>Runs <c>mh</c> in process and returns its exit code and what it wrote to each stream.</summary>
internal static class Mh
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = MhCommand.Invoke(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
