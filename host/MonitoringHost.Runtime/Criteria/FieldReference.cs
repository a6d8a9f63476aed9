namespace MonitoringHost.Runtime.Criteria;

/// <summary>A field name as written in a criteria, and where.</summary>
public sealed record FieldReference(string Name, int Position);
