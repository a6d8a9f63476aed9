namespace MonitoringHost.ManagementPacks.Model;

/// <summary>The kinds of identified elements a pack holds; references are checked against the kind they need.</summary>
public enum ElementKind
{
    ClassType,
    RelationshipType,
    EnumerationType,
    DataType,
    SchemaType,
    SecureReference,
    DataSourceModuleType,
    ProbeActionModuleType,
    ConditionDetectionModuleType,
    WriteActionModuleType,
    UnitMonitorType,
    Discovery,
    Rule,
    Task,
    UnitMonitor,
    AggregateMonitor,
    DependencyMonitor,
    Diagnostic,
    Recovery,
    Override,
    StringResource,
    Opaque,
}
