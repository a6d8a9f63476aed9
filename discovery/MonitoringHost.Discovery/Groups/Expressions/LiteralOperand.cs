namespace MonitoringHost.Discovery.Groups.Expressions;

/// <summary><c>&lt;Value&gt;text&lt;/Value&gt;</c>.</summary>
public sealed record LiteralOperand(string Value) : ValueOperand;
