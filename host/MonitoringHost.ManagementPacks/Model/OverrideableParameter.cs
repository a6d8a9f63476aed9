namespace MonitoringHost.ManagementPacks.Model;

/// <summary>A configuration value overrides may change: <see cref="Selector"/> is a <c>$Config/Path$</c> token.</summary>
public sealed record OverrideableParameter(string Id, string Selector, string ParameterType, SourceLocation Location);
