namespace MonitoringHost.ManagementPacks.Model;

/// <summary>The override elements, named after what they change.</summary>
public enum OverrideKind
{
    RulePropertyOverride,
    RuleConfigurationOverride,
    MonitorPropertyOverride,
    MonitorConfigurationOverride,
    DiscoveryPropertyOverride,
    DiscoveryConfigurationOverride,
    DiagnosticPropertyOverride,
    DiagnosticConfigurationOverride,
    RecoveryPropertyOverride,
    RecoveryConfigurationOverride,
    SecureReferenceOverride,
    CategoryOverride,
    MonitoringOverride,
}
