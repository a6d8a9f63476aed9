namespace MonitoringHost.ManagementPacks.Model;

/// <summary>A localized name and description for an element or one of its sub-elements.</summary>
public sealed record DisplayString(string ElementId, string? SubElementId, string? Name, string? Description, SourceLocation Location);
