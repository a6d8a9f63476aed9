namespace MonitoringHost.ManagementPacks.Model;

/// <summary>Whether other packs may refer to an element.</summary>
public enum Accessibility
{
    Public,
    Internal,
}
