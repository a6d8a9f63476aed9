namespace MonitoringHost.Runtime.Expressions;

/// <summary>The <c>Type</c> of an <c>XPathQuery</c> or <c>Value</c>: what its text is cast to before comparing.</summary>
public enum ValueKind
{
    String,
    Integer,
    UnsignedInteger,
    Double,
    Boolean,
    DateTime,
    Duration,
}
