using MonitoringHost.Discovery.Classes;

namespace MonitoringHost.Runtime.Criteria;

/// <summary>A class as criteria over classes see it: the class, its display name and the pack that declares it.</summary>
public sealed record ClassCriteriaItem(ClassInfo Class, string DisplayName, string? ManagementPack);
