namespace MonitoringHost.Discovery.Groups.Expressions;

/// <summary><c>&lt;GenericProperty&gt;DisplayName&lt;/GenericProperty&gt;</c>, or a <c>$MPElement[…]/DisplayName$</c> system field.</summary>
public sealed record GenericPropertyOperand(GenericProperty Property) : ValueOperand;
