using System.Collections.Immutable;
using System.Globalization;
using System.Xml;
using MonitoringHost.Probes.Icmp;

namespace MonitoringHost.Runtime.DataItems;

/// <summary>
/// <c>MonitoringHost.Agentless.IcmpPingData</c>: the outcome of a ping. Elements (absent when they do not apply):
/// <c>ServerName</c>, <c>Address</c>, <c>Succeeded</c> (true when any echo was answered), <c>Status</c> (the last
/// echo's <c>IPStatus</c> name), <c>Sent</c>, <c>Received</c>, <c>PacketLoss</c> (percent), <c>RoundTripTime</c>,
/// <c>MinimumRoundTripTime</c>, <c>MaximumRoundTripTime</c> (ms, over answered echoes), <c>ErrorMessage</c>.
/// </summary>
public sealed class IcmpPingData(DateTimeOffset time, IcmpPingResult result) : DataItem(time)
{
    private static readonly ImmutableArray<DataPath> XmlElements = DataItemXml.Paths(
        "ServerName", "Address", "Succeeded", "Status", "Sent", "Received", "PacketLoss", "RoundTripTime",
        "MinimumRoundTripTime", "MaximumRoundTripTime", "ErrorMessage");

    public override string TypeName => "MonitoringHost.Agentless.IcmpPingData";

    public IcmpPingResult Result { get; } = result;

    protected override string? SelectValue(DataPath path) => path.Steps is [{ IsAttribute: false, AttributeName: null, Position: 0 or 1 } step]
        ? step.Name switch
        {
            "ServerName" => Result.Host,
            "Address" => Result.Address?.ToString(),
            "Succeeded" => Result.Succeeded ? "true" : "false",
            "Status" => Result.LastStatus.ToString(),
            "Sent" => Result.Sent.ToString(CultureInfo.InvariantCulture),
            "Received" => Result.Received.ToString(CultureInfo.InvariantCulture),
            "PacketLoss" => Result.LossPercent.ToString("0.###", CultureInfo.InvariantCulture),
            "RoundTripTime" => Milliseconds(Result.AverageRoundTrip),
            "MinimumRoundTripTime" => Milliseconds(Result.MinimumRoundTrip),
            "MaximumRoundTripTime" => Milliseconds(Result.MaximumRoundTrip),
            "ErrorMessage" => Result.Message ?? Result.Echoes.LastOrDefault(e => e.Message is not null)?.Message,
            _ => null,
        }
        : null;

    /// <summary>The elements above, in that order; those that do not apply are left out.</summary>
    protected override void WriteContent(XmlWriter writer) => DataItemXml.Elements(writer, this, XmlElements);

    private static string? Milliseconds(TimeSpan? value) => value?.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
}
