using System.Globalization;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Unix;

/// <summary>
/// The item an SCX agent returns for an <c>SCX_OperatingSystem</c> method: a <c>WSManData</c> item holding
/// <c>SCX_OperatingSystem_OUTPUT</c> with ReturnValue (true when the command exited with 0), ReturnCode, StdOut and
/// StdErr, so that <c>//*[local-name()="StdOut"]</c> and <c>//*[local-name()="ReturnCode"]</c> read it.
/// </summary>
public static class ScxOutput
{
    public const string Element = ScxInvocation.ScxOperatingSystem + "_OUTPUT";

    public static XmlDataItem Create(DateTimeOffset time, int returnCode, string stdOut, string stdErr)
    {
        ArgumentNullException.ThrowIfNull(stdOut);
        ArgumentNullException.ThrowIfNull(stdErr);
        var output = DataNode.Element(
            Element,
            DataNode.Text("ReturnValue", returnCode == 0 ? "true" : "false"),
            DataNode.Text("ReturnCode", returnCode.ToString(CultureInfo.InvariantCulture)),
            DataNode.Text("StdOut", stdOut),
            DataNode.Text("StdErr", stdErr));
        return XmlDataItem.WsManData(time, output);
    }
}
