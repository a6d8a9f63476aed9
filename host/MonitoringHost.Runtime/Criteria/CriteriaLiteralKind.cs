namespace MonitoringHost.Runtime.Criteria;

/// <summary>How a value was written: a quoted string, a number, <c>TRUE</c>/<c>FALSE</c>, or <c>NULL</c>.</summary>
public enum CriteriaLiteralKind
{
    String,
    Number,
    Boolean,
    Null,
}
