namespace MonitoringHost.Sdk.Contracts;

/// <summary>A pack the server has (<c>GET /management-packs</c>).</summary>
/// <param name="Id">The pack's id.</param>
/// <param name="Name">Its MP-qualified name.</param>
/// <param name="DisplayName">Its display name.</param>
/// <param name="Version">Its version.</param>
/// <param name="Sealed">Whether it is sealed.</param>
/// <param name="ImportedAt">When it was imported (UTC); null for the packs shipped with the server.</param>
public sealed record ManagementPackInfo(Guid Id, string Name, string? DisplayName, string Version, bool Sealed, DateTimeOffset? ImportedAt);
