using MonitoringHost.ManagementPacks.Model;

namespace MonitoringHost.ManagementPacks.Resolution;

/// <summary>An element together with the pack that defines it.</summary>
public readonly record struct ResolvedElement<T>(ManagementPack Pack, T Element) where T : ManagementPackElement
{
    /// <summary>A key unique across the pack set, for dictionaries and comparisons.</summary>
    public string Key => Pack.Id + "!" + Element.Id;
}
