using System.Globalization;
using System.Net;
using MonitoringHost.Probes.Icmp;
using MonitoringHost.Probes.Tcp;

namespace MonitoringHost.Probes.Sweep;

/// <summary>
/// Sweeps addresses for computers to manage agentlessly: each target is pinged (ICMP echo) and its management ports
/// are tried (TCP connect: WS-Man over HTTP and HTTPS, SSH), so that it can be proposed with the protocols it answers
/// on. Targets are host names, addresses, or inclusive IPv4 ranges (<c>10.0.0.1-10.0.0.40</c>, <c>10.0.0.1-40</c>);
/// at most <see cref="MaxAddresses"/> per sweep, probed a few at a time.
/// </summary>
public sealed class ComputerSweep(TimeProvider time)
{
    public const int MaxAddresses = 1_024;
    private const int Concurrency = 32;

    /// <summary>The targets as addresses or names, in order; throws <see cref="FormatException"/> naming a target that is not one.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var expanded = new List<string>();
        foreach (var target in targets)
        {
            var text = target?.Trim() ?? "";
            var dash = text.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && IPAddress.TryParse(text[..dash], out var first) && first.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
            {
                var end = text[(dash + 1)..];
                var last = end.Contains('.', StringComparison.Ordinal) && IPAddress.TryParse(end, out var full) ? full
                    : byte.TryParse(end, NumberStyles.None, CultureInfo.InvariantCulture, out var octet) ? new IPAddress([.. first.GetAddressBytes()[..3], octet])
                    : throw new FormatException($"'{text}' is not a range: give 10.0.0.1-10.0.0.40 or 10.0.0.1-40");
                var from = Number(first);
                var to = Number(last);
                if (to < from || to - from + 1 > MaxAddresses)
                {
                    throw new FormatException($"'{text}' runs backwards or covers more than {MaxAddresses} addresses");
                }

                for (var n = from; n <= to; n++)
                {
                    expanded.Add(new IPAddress([(byte)(n >> 24), (byte)(n >> 16), (byte)(n >> 8), (byte)n]).ToString());
                }
            }
            else if (text.Length == 0 || text.Length > 253 || text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                throw new FormatException($"'{text}' is not a host name, an address or a range");
            }
            else
            {
                expanded.Add(text);
            }

            if (expanded.Count > MaxAddresses)
            {
                throw new FormatException($"the targets cover more than {MaxAddresses} addresses; sweep them in parts");
            }
        }

        return expanded;
    }

    /// <summary>Probes every target; one finding per target, in the targets' order.</summary>
    public async Task<IReadOnlyList<SweepFinding>> SweepAsync(IReadOnlyList<string> targets, SweepPorts ports, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(ports);
        var tcp = new TcpPortCheck(time);
        var icmp = new IcmpPing(time);
        using var gate = new SemaphoreSlim(Concurrency);
        var findings = await Task.WhenAll(targets.Select(async target =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var pinging = icmp.PingAsync(new IcmpPingRequest(target) { Echoes = 1, Timeout = timeout }, cancellationToken);
                var checks = await Task.WhenAll(ports.All.Select(p => tcp.CheckAsync(target, p.Port, timeout, cancellationToken))).ConfigureAwait(false);
                var ping = await pinging.ConfigureAwait(false);
                var open = ports.All.Zip(checks).Where(c => c.Second.Succeeded).Select(c => c.First.Protocol).ToList();
                return new SweepFinding(target, ping.Address?.ToString() ?? checks.Select(c => c.Address).FirstOrDefault(a => a is not null)?.ToString(), ping.Succeeded, open);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
        return findings;
    }

    private static uint Number(IPAddress address)
    {
        var b = address.GetAddressBytes();
        return ((uint)b[0] << 24) | ((uint)b[1] << 16) | ((uint)b[2] << 8) | b[3];
    }
}

/// <summary>The management ports a sweep tries (defaults: WS-Man 5985 and 5986, SSH 22).</summary>
public sealed record SweepPorts(int WsMan = 5985, int WsManHttps = 5986, int Ssh = 22)
{
    public IReadOnlyList<(string Protocol, int Port)> All => [("wsman", WsMan), ("wsman-https", WsManHttps), ("ssh", Ssh)];
}

/// <summary>What a target answered: its address, whether it answered a ping, and the protocols whose port accepted a connection.</summary>
public sealed record SweepFinding(string Target, string? Address, bool Pings, IReadOnlyList<string> Protocols);
