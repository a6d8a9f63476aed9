namespace MonitoringHost.Cli.Tests.Commands;

/// <summary>Runs <c>mh</c> in process and returns its exit code and what it wrote to each stream.</summary>
internal static class Mh
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args) => RunWithInput("", args);

    /// <summary>Runs <c>mh</c> with <paramref name="input"/> as its standard input (secrets are read from there).</summary>
    public static (int ExitCode, string Output, string Error) RunWithInput(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = new StringReader(input);
        var exitCode = MhCommand.Invoke(args, output, error, reader);
        return (exitCode, output.ToString(), error.ToString());
    }
}
