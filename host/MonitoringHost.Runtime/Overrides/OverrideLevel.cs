namespace MonitoringHost.Runtime.Overrides;

/// <summary>How specific an override's context is: class before group before instance (mp-format.md §3.6).</summary>
public enum OverrideLevel
{
    Class,
    Group,
    Instance,
}
