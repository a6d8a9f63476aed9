using System.Globalization;

namespace MonitoringHost.Probes.Ssh;

/// <summary>
/// Reads command output into a property bag, as the UNIX shell-command probes of management packs expect:
/// <c>key=value</c> lines (key and value trimmed, the value is everything after the first <c>=</c>, a later line
/// wins), plus the whole outputs and the exit code.
/// </summary>
public static class SshPropertyBag
{
    public const string StdOut = "StdOut";
    public const string StdErr = "StdErr";
    public const string ReturnCode = "ReturnCode";

    /// <summary>The <c>key=value</c> lines of <paramref name="output"/>; lines without <c>=</c> or with an empty key are left out.</summary>
    public static Dictionary<string, string> ParseLines(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var bag = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n'))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = line[..equals].Trim();
            if (key.Length > 0)
            {
                bag[key] = line[(equals + 1)..].Trim();
            }
        }

        return bag;
    }

    internal static Dictionary<string, string> From(SshCommandResult result)
    {
        var bag = ParseLines(result.StandardOutput);
        bag[StdOut] = result.StandardOutput;
        bag[StdErr] = result.StandardError;
        if (result.ExitCode is { } exitCode)
        {
            bag[ReturnCode] = exitCode.ToString(CultureInfo.InvariantCulture);
        }

        return bag;
    }
}
