namespace MonitoringHost.Sdk.Contracts;

/// <summary>A pack imported, or found valid with <c>validateOnly=true</c> (<c>POST /management-packs</c>).</summary>
/// <param name="Id">The pack's id.</param>
/// <param name="Name">Its MP-qualified name.</param>
/// <param name="Version">Its version.</param>
/// <param name="Sealed">Whether it is sealed.</param>
/// <param name="ElementCounts">How many elements of each kind it has (<c>classType</c>, <c>rule</c>, …).</param>
public sealed record ManagementPackImported(Guid Id, string Name, string Version, bool Sealed, IReadOnlyDictionary<string, int> ElementCounts)
{
    /// <summary>Its display name.</summary>
    public string? DisplayName { get; init; }
}
