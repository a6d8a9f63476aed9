namespace MonitoringHost.Runtime.Modules.Conditions;

/// <summary>What <c>System.LogicalSet.ExpressionFilter</c> does with a set that holds no item (its <c>EmptySet</c>).</summary>
public enum EmptySetAction
{
    /// <summary>The empty set goes on to the next module: the workflow continues.</summary>
    Passthrough,

    /// <summary>The workflow stops here.</summary>
    Block,
}
