using MonitoringHost.Discovery.Instances;

namespace MonitoringHost.Runtime.Modules.Cim;

/// <summary>
/// Which computer a CIM module talks to. A name the configuration gives (a WMI namespace of the form
/// <c>\\computer\root\cimv2</c>, a <c>ComputerName</c>) wins, unless it is <c>.</c>, <c>localhost</c> or empty: on an
/// agent those mean the agent's own computer, and here, where every Windows computer is agentless-managed, they mean the
/// target's Windows computer. That is the target itself or the first object up its hosting chain whose class is
/// <c>Microsoft.Windows.Computer</c> or derives from it, reached by its <c>NetworkName</c>, else its
/// <c>PrincipalName</c> (its key: the DNS name it was added with, or <c>address:port</c>).
/// </summary>
public static class CimComputer
{
    public const string WindowsComputerClass = "Microsoft.Windows.Computer";

    /// <summary>
    /// Splits a WMI namespace into the computer it names (null when none, or <c>.</c>/<c>localhost</c>) and the
    /// namespace path with forward slashes (<c>root/cimv2</c>).
    /// </summary>
    public static (string? Computer, string Namespace) SplitNamespace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var path = text.Trim().Replace('/', '\\');
        string? computer = null;
        if (path.StartsWith(@"\\", StringComparison.Ordinal))
        {
            var end = path.IndexOf('\\', 2);
            computer = end < 0 ? path[2..] : path[2..end];
            path = end < 0 ? "" : path[(end + 1)..];
        }

        return (Meaningful(computer), path.Trim('\\').Replace('\\', '/'));
    }

    /// <summary>
    /// The computer a module of <paramref name="setup"/> connects to: <paramref name="given"/> when it names one, else
    /// the target's Windows computer. Throws <see cref="ModuleConfigurationException"/> (on <paramref name="field"/>)
    /// when there is neither.
    /// </summary>
    public static string Resolve(ModuleSetup setup, string? given, string field)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return Meaningful(given) ?? OfTarget(setup)
            ?? throw setup.Configuration.Problem(field, $"names no computer, and {setup.Target.Path} ({setup.Target.ClassName}) is not a Windows computer nor hosted by one with a NetworkName or PrincipalName");
    }

    /// <summary>The network name of the target's Windows computer (the target or a host up its chain), or null.</summary>
    public static string? OfTarget(ModuleSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        MonitoringObject? current = setup.Target;
        for (var hops = 0; current is not null && hops < 64; hops++)
        {
            if (IsWindowsComputer(setup, current.ClassName))
            {
                return Meaningful(current["NetworkName"]) ?? Meaningful(current["PrincipalName"]);
            }

            current = current.HostId is { } host ? setup.Objects(host) : null;
        }

        return null;
    }

    private static bool IsWindowsComputer(ModuleSetup setup, string className) =>
        setup.Services.Classes.Class(className) is { } type && type.SelfAndBases().Any(c => c.Name == WindowsComputerClass);

    private static string? Meaningful(string? name) =>
        name?.Trim() is { Length: > 0 } trimmed && trimmed != "." && !trimmed.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? trimmed : null;
}
