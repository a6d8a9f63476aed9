namespace MonitoringHost.Runtime.Criteria;

/// <summary>A comparison: <c>=</c> (or <c>==</c>), <c>!=</c> (or <c>&lt;&gt;</c>), <c>&lt;</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&gt;=</c>.</summary>
public enum CriteriaOperator
{
    Equal,
    NotEqual,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
}
