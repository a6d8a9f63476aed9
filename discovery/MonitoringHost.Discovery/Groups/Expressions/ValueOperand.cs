namespace MonitoringHost.Discovery.Groups.Expressions;

/// <summary>One side of a comparison: a class property, a generic property every object has, or a literal.</summary>
public abstract record ValueOperand;
