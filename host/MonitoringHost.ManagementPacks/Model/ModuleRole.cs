namespace MonitoringHost.ManagementPacks.Model;

/// <summary>The four module kinds, as member modules name them by element.</summary>
public enum ModuleRole
{
    DataSource,
    ProbeAction,
    ConditionDetection,
    WriteAction,
}
