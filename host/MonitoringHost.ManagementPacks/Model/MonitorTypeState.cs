namespace MonitoringHost.ManagementPacks.Model;

/// <summary>A state a unit monitor type can be in; operational states map it to a health state.</summary>
public sealed record MonitorTypeState(string Id, bool NoDetection, SourceLocation Location);
