using System.Net;

namespace MonitoringHost.Probes.Snmp;

/// <summary>
/// An SNMPv2c agent to ask: its UDP endpoint and community, how long one attempt waits for an answer, how many
/// times a request is sent again after that, and how many repetitions a GETBULK of a walk or table read asks for.
/// </summary>
public sealed record SnmpAgent(IPEndPoint Endpoint, string Community)
{
    public const int DefaultPort = 161;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);

    public int Retries { get; init; } = 1;

    public int MaxRepetitions { get; init; } = 25;

    /// <summary>Reads <c>host:port;community</c> (port optional, 161 by default), the form test and tool settings use.</summary>
    public static SnmpAgent Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var separator = text.IndexOf(';', StringComparison.Ordinal);
        if (separator <= 0 || separator == text.Length - 1)
        {
            throw new FormatException($"'{text}' is not 'address:port;community'");
        }

        var address = text[..separator];
        var endpoint = IPEndPoint.TryParse(address, out var parsed)
            ? parsed
            : throw new FormatException($"'{address}' is not an IP address with an optional port");
        return new SnmpAgent(endpoint.Port == 0 ? new IPEndPoint(endpoint.Address, DefaultPort) : endpoint, text[(separator + 1)..]);
    }
}
