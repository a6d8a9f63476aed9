namespace MonitoringHost.Runtime.Modules.Conditions;

/// <summary>Which items of a set must match for <c>System.LogicalSet.ExpressionFilter</c> to pass it (its <c>SetEvaluation</c>).</summary>
public enum SetEvaluation
{
    /// <summary>At least one item.</summary>
    Any,

    /// <summary>Every item.</summary>
    All,
}
