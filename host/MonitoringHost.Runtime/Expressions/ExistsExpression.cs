using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Expressions;

/// <summary><c>Exists</c>: true when the path selects something in the item (an empty value still exists).</summary>
internal sealed class ExistsExpression(DataPath path) : ExpressionNode
{
    public DataPath Path { get; } = path;

    public override bool Evaluate(DataItem item) => item.Exists(Path);
}
