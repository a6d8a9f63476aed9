namespace MonitoringHost.Discovery.Data;

/// <summary>A relationship instance as discovery data describes it: its type and its two ends.</summary>
public sealed record RelationshipData(string TypeName, ObjectData Source, ObjectData Target);
