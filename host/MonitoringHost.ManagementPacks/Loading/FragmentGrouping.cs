namespace MonitoringHost.ManagementPacks.Loading;

/// <summary>How <c>.mpx</c> fragments become packs.</summary>
public enum FragmentGrouping
{
    /// <summary>All fragments in one folder merge into one pack (an authoring project).</summary>
    PerFolder,

    /// <summary>Each fragment is a pack of its own (templates checked one by one).</summary>
    EachFile,
}
