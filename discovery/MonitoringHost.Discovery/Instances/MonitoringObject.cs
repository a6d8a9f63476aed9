namespace MonitoringHost.Discovery.Instances;

/// <summary>
/// An instance of a class. <see cref="Properties"/> holds every property value the object has, inherited ones
/// included, as invariant text (numbers in invariant culture, times as ISO 8601 UTC, booleans as true/false).
/// <see cref="ClassName"/> is the class element's ID (for example <c>Microsoft.Windows.Computer</c>).
/// </summary>
public sealed record MonitoringObject(
    Guid Id,
    string ClassName,
    string DisplayName,
    string Path,
    Guid? HostId,
    ObjectProperties Properties,
    DateTimeOffset Created,
    DateTimeOffset LastModified)
{
    public string? this[string property] => Properties.GetValueOrDefault(property);

    /// <summary>Whether the two describe the same object with the same values (times aside).</summary>
    public bool SameContentAs(MonitoringObject other) =>
        Id == other.Id && ClassName == other.ClassName && DisplayName == other.DisplayName && Path == other.Path
        && HostId == other.HostId && Properties.SameAs(other.Properties);
}
