namespace MonitoringHost.ManagementPacks.Model;

/// <summary>A regular or on-demand detection: the pipeline whose output puts the monitor in <see cref="MonitorTypeStateId"/>.</summary>
public sealed record MonitorDetection(string MonitorTypeStateId, CompositionNode Root, SourceLocation Location);
