using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Alerts;

/// <summary>
/// What a monitor alert's parameters read with <c>$Data/…$</c>: <c>Context</c> is the data item that changed the
/// monitor's state (its XML element: <c>$Data/Context/Property[@Name='State']$</c> reads a property bag's value,
/// <c>$Data/Context/@time</c> its time). A rollup's change has no context, so those paths select nothing.
/// </summary>
internal sealed class StateChangeData : DataItem
{
    private readonly DataNode? _context;

    public StateChangeData(DateTimeOffset time, DataNode? context)
        : base(time) => _context = context;

    public override string TypeName => "System.Health.MonitorStateChangeData";

    protected override bool AnswersChildPredicates => true;

    protected override string? SelectValue(DataPath path)
    {
        var steps = path.Steps.AsSpan();
        if (_context is null || steps[0] is not { Name: "Context", IsAttribute: false, AttributeName: null, Position: 0 or 1 })
        {
            return null;
        }

        return steps.Length switch
        {
            1 => _context.StringValue(),
            2 when steps[1].IsAttribute => _context.Attribute(steps[1].Name),
            _ => DataNode.Select(_context.Children, steps[1..]),
        };
    }

    /// <summary><c>Context//StdErr</c> and the like walk the context's tree.</summary>
    protected override string? SelectAtAnyDepth(DataPath path) => SelectValue(path);

    /// <summary><c>Context</c> with the causing item's attributes and elements (nothing for a rollup's change).</summary>
    protected override void WriteContent(System.Xml.XmlWriter writer)
    {
        if (_context is not null)
        {
            DataItemXml.Node(writer, _context, "Context");
        }
    }
}
