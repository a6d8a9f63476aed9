using System.Collections.Immutable;
using System.Globalization;
using System.Xml;
using MonitoringHost.Probes.Tcp;

namespace MonitoringHost.Runtime.DataItems;

/// <summary>
/// <c>Microsoft.SystemCenter.SyntheticTransactions.TCPPortCheckData</c>: the outcome of a TCP port check, read as
/// <c>ServerName</c>, <c>Port</c>, <c>StatusCode</c> (0, or the socket error as an unsigned HRESULT) and
/// <c>ConnectionTime</c> (milliseconds).
/// </summary>
public sealed class TcpPortCheckData(DateTimeOffset time, TcpPortCheckResult result) : DataItem(time)
{
    private static readonly ImmutableArray<DataPath> XmlElements = DataItemXml.Paths("ServerName", "Port", "StatusCode", "ConnectionTime");

    public override string TypeName => "Microsoft.SystemCenter.SyntheticTransactions.TCPPortCheckData";

    public TcpPortCheckResult Result { get; } = result;

    protected override string? SelectValue(DataPath path) => path.Steps is [{ IsAttribute: false, AttributeName: null, Position: 0 or 1 } step]
        ? step.Name switch
        {
            "ServerName" => Result.ServerName,
            "Port" => Result.Port.ToString(CultureInfo.InvariantCulture),
            "StatusCode" => Result.StatusCode.ToString(CultureInfo.InvariantCulture),
            "ConnectionTime" => Result.ConnectionTime.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture),
            _ => null,
        }
        : null;

    protected override void WriteContent(XmlWriter writer) => DataItemXml.Elements(writer, this, XmlElements);
}
