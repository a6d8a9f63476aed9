using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace MonitoringHost.Runtime.Modules.Unix;

/// <summary>
/// One <c>SCX_OperatingSystem</c> method call as a pack's <c>Input</c> gives it
/// (<c>&lt;p:ExecuteShellCommand_INPUT&gt;&lt;p:command&gt;…&lt;/p:command&gt;&lt;p:timeout&gt;120&lt;/p:timeout&gt;…</c>), and the
/// command line that does the same over SSH. Parameters are found by name whatever their case and prefix, and their
/// text is read leniently: a pack's command often holds a bare <c>&amp;&amp;</c> or <c>&lt;</c> once its
/// <c>$Config$</c> value was put in, which an XML reader would refuse.
/// </summary>
public sealed partial record ScxInvocation(ScxMethod Method, string Command, string Arguments, TimeSpan? Timeout, bool Elevate)
{
    /// <summary>The SCX provider's class; the only resource the UNIX modules answer.</summary>
    public const string ScxOperatingSystem = "SCX_OperatingSystem";

    [GeneratedRegex(@"<(?:[A-Za-z_][\w.-]*:)?(?<name>[A-Za-z_][\w.-]*)(?:\s[^>]*)?>(?<value>.*?)</(?:[A-Za-z_][\w.-]*:)?\k<name>\s*>", RegexOptions.Singleline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Parameter();

    /// <summary>
    /// The call <paramref name="action"/> (ExecuteCommand, ExecuteShellCommand or ExecuteScript) with
    /// <paramref name="input"/>'s parameters. Throws <see cref="FormatException"/> saying what is wrong.
    /// </summary>
    public static ScxInvocation Parse(string action, string input)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(input);
        if (!Enum.TryParse<ScxMethod>(action.Trim(), ignoreCase: true, out var method) || !Enum.IsDefined(method))
        {
            throw new FormatException($"'{action}' is not a method this host answers over SSH (ExecuteCommand, ExecuteShellCommand or ExecuteScript of {ScxOperatingSystem})");
        }

        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var body = input.Trim();
        var outer = Parameter().Match(body);
        if (outer.Success && outer.Groups["name"].Value.EndsWith("_INPUT", StringComparison.OrdinalIgnoreCase))
        {
            body = outer.Groups["value"].Value;
        }

        foreach (Match match in Parameter().Matches(body))
        {
            parameters.TryAdd(match.Groups["name"].Value, WebUtility.HtmlDecode(match.Groups["value"].Value));
        }

        var command = method == ScxMethod.ExecuteScript ? Value("Script") : Value("Command");
        if (string.IsNullOrWhiteSpace(command))
        {
            throw new FormatException($"the {method} input has no {(method == ScxMethod.ExecuteScript ? "Script" : "Command")}");
        }

        TimeSpan? timeout = null;
        if (Value("timeout") is { Length: > 0 } seconds)
        {
            timeout = uint.TryParse(seconds.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? (value == 0 ? null : TimeSpan.FromSeconds(value))
                : throw new FormatException($"the {method} input's timeout '{seconds}' is not a number of seconds");
        }

        var elevation = Value("ElevationType")?.Trim() ?? "";
        if (elevation.Length > 0 && !elevation.Equals("sudo", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"the {method} input's ElevationType '{elevation}' is not supported (empty or sudo)");
        }

        // SCX removes carriage returns from scripts: a script written on Windows runs all the same.
        var text = method == ScxMethod.ExecuteScript ? command.Replace("\r", "", StringComparison.Ordinal) : command;
        return new ScxInvocation(method, text, Value("Arguments") ?? "", timeout, elevation.Length > 0);

        string? Value(string name) => parameters.GetValueOrDefault(name);
    }

    /// <summary>
    /// The command line sent over SSH: the command as it is (ExecuteCommand), through <c>/bin/sh -c</c>
    /// (ExecuteShellCommand), or a script unpacked into a temporary file, run with its arguments and deleted
    /// (ExecuteScript: needs <c>mktemp</c> and <c>base64</c>). With sudo elevation, run by <c>sudo -n /bin/sh -c</c>
    /// (never waiting for a password).
    /// </summary>
    public string ToSshCommand()
    {
        var line = Method switch
        {
            ScxMethod.ExecuteShellCommand => "/bin/sh -c " + Quote(Command),
            ScxMethod.ExecuteScript => Script(),
            _ => Command,
        };
        return Elevate ? "sudo -n /bin/sh -c " + Quote(line) : line;
    }

    /// <summary>Names the method and the timeout; the command itself may hold what a pack would not log.</summary>
    public override string ToString() =>
        $"{ScxOperatingSystem}.{Method}{(Elevate ? " (sudo)" : "")}{(Timeout is { } t ? string.Create(CultureInfo.InvariantCulture, $", timeout {t.TotalSeconds:0} s") : "")}";

    /// <summary><paramref name="text"/> as one single-quoted word of the POSIX shell.</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    private string Script()
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(Command));
        var arguments = Arguments.Length > 0 ? " " + Arguments : "";
        return $"f=$(mktemp) || exit 1; printf '%s' '{encoded}' | base64 -d > \"$f\" && chmod u+x \"$f\" && \"$f\"{arguments}; rc=$?; rm -f \"$f\"; exit $rc";
    }
}
