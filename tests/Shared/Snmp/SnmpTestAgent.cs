using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MonitoringHost.Probes.Snmp;

namespace MonitoringHost.Tests.Shared;

/// <summary>
/// The real snmpd that <c>test.sh</c> starts (<see cref="Variable"/> = <c>127.0.0.1:port;public</c>, a second
/// community <c>secret2</c> sees only the system subtree, sysLocation is <see cref="Location"/>), and the net-snmp
/// command-line tools. Without them a test is skipped locally and fails under <c>CI=true</c>: mark such tests
/// <c>[SkippableFact]</c>.
/// </summary>
internal static class SnmpTestAgent
{
    public const string Variable = "MH_TEST_SNMP";

    /// <summary>sysLocation as test.sh configures it.</summary>
    public const string Location = "monitoringhost-test-lab";

    public const string RestrictedCommunity = "secret2";

    private static readonly string[] ToolFolders = ["/usr/bin", "/usr/local/bin"];

    /// <summary>The agent, with a short timeout and no retries unless the test says otherwise.</summary>
    public static SnmpAgent Require()
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            CiRequirement.SkipLocallyOrFail($"no SNMP agent: {Variable} is not set (test.sh starts snmpd)");
        }

        return SnmpAgent.Parse(text!) with { Timeout = TimeSpan.FromSeconds(2), Retries = 0 };
    }

    /// <summary>A loopback UDP port nothing listens on (bound for a moment, then freed): a send there is refused.</summary>
    public static int ClosedUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>Runs a net-snmp tool (snmptrap, snmpinform, snmpwalk) with numeric OIDs and no MIB loading; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToolAsync(string tool, params string[] arguments)
    {
        var path = ToolFolders.Select(folder => Path.Combine(folder, tool)).FirstOrDefault(File.Exists);
        if (path is null)
        {
            CiRequirement.SkipLocallyOrFail($"{tool} is not installed (package snmp; test.sh installs it)");
        }

        var start = new ProcessStartInfo(path!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MIBS"] = string.Empty;
        start.Environment["MIBDIRS"] = "/nonexistent";
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
