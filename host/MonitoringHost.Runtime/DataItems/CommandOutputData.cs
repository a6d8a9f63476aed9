using System.Collections.Immutable;
using System.Globalization;
using System.Xml;

namespace MonitoringHost.Runtime.DataItems;

/// <summary><c>System.CommandOutput</c>: what a command wrote and how it ended, read as <c>StdOut</c>, <c>StdErr</c>, <c>ExitCode</c>.</summary>
public sealed class CommandOutputData : DataItem
{
    private static readonly ImmutableArray<DataPath> XmlElements = DataItemXml.Paths("StdOut", "StdErr", "ExitCode");

    // Kept as text once so expressions on ExitCode do not format it per evaluation.
    private readonly string _exitCodeText;

    public CommandOutputData(DateTimeOffset time, string stdOut, string stdErr, int exitCode)
        : base(time)
    {
        ArgumentNullException.ThrowIfNull(stdOut);
        ArgumentNullException.ThrowIfNull(stdErr);
        StdOut = stdOut;
        StdErr = stdErr;
        ExitCode = exitCode;
        _exitCodeText = exitCode.ToString(CultureInfo.InvariantCulture);
    }

    public override string TypeName => "System.CommandOutput";

    public string StdOut { get; }

    public string StdErr { get; }

    public int ExitCode { get; }

    protected override string? SelectValue(DataPath path) =>
        path.Steps is [{ IsAttribute: false, AttributeName: null, Position: 0 or 1 } step]
            ? step.Name switch
            {
                "StdOut" => StdOut,
                "StdErr" => StdErr,
                "ExitCode" => _exitCodeText,
                _ => null,
            }
            : null;

    /// <summary><c>StdOut</c>, <c>StdErr</c>, <c>ExitCode</c>, as <c>System.CommandOutput</c> is documented.</summary>
    protected override void WriteContent(XmlWriter writer) => DataItemXml.Elements(writer, this, XmlElements);
}
