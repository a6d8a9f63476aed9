using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Expressions;

/// <summary>
/// An expression whose outcome does not depend on the item: an empty <c>&lt;Expression/&gt;</c> (the schema allows
/// it, and it filters nothing out), or a comparison between types that can never be compared.
/// </summary>
internal sealed class ConstantExpression(bool value) : ExpressionNode
{
    public static ConstantExpression True { get; } = new(true);

    public static ConstantExpression False { get; } = new(false);

    public bool Value { get; } = value;

    public override bool Evaluate(DataItem item) => Value;
}
