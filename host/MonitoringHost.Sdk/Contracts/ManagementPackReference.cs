namespace MonitoringHost.Sdk.Contracts;

/// <summary>A reference of a pack's manifest.</summary>
/// <param name="Alias">The alias the pack uses for it.</param>
/// <param name="Name">The referenced pack's ID.</param>
/// <param name="Version">The lowest version it takes.</param>
/// <param name="PublicKeyToken">The referenced pack's key token (sealed packs).</param>
public sealed record ManagementPackReference(string Alias, string Name, string Version, string? PublicKeyToken);
