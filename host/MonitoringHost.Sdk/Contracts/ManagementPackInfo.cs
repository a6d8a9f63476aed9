namespace MonitoringHost.Sdk.Contracts;

/// <summary>
/// A pack the server has (<c>GET /management-packs</c>, <c>GET /management-packs/{name}</c>). The list gives the
/// fields of the record and <see cref="Origin"/>; one pack adds who imported it, its element counts and references.
/// </summary>
/// <param name="Id">The pack's id.</param>
/// <param name="Name">Its MP-qualified name.</param>
/// <param name="DisplayName">Its display name.</param>
/// <param name="Version">Its version.</param>
/// <param name="Sealed">Whether it is sealed.</param>
/// <param name="ImportedAt">When it was imported (UTC); null for the packs shipped with the server or given to <c>mh serve</c>.</param>
public sealed record ManagementPackInfo(Guid Id, string Name, string? DisplayName, string Version, bool Sealed, DateTimeOffset? ImportedAt)
{
    /// <summary><c>library</c> (shipped), <c>file</c> (given to <c>mh serve</c>) or <c>imported</c> (through the API).</summary>
    public string? Origin { get; init; }

    /// <summary>The name of the key that imported it; null for packs not imported through the API (and in the list).</summary>
    public string? ImportedBy { get; init; }

    /// <summary>How many elements of each kind it has (one pack only; null in the list).</summary>
    public IReadOnlyDictionary<string, int>? ElementCounts { get; init; }

    /// <summary>The packs its manifest references (one pack only; null in the list).</summary>
    public IReadOnlyList<ManagementPackReference>? References { get; init; }

    /// <summary>The names of the packs that reference it (one pack only; null in the list).</summary>
    public IReadOnlyList<string>? ReferencedBy { get; init; }
}
