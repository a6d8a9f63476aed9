namespace MonitoringHost.ManagementPacks.Loading;

/// <summary>Counts for the packs loaded (the base set not included) and for every problem found.</summary>
public sealed record PackSetSummary(int Packs, int Classes, int Workflows, int Errors, int Warnings);
