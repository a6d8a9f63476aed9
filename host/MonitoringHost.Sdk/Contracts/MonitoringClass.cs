namespace MonitoringHost.Sdk.Contracts;

/// <summary>A class (<c>GET /classes</c>).</summary>
/// <param name="Id">The class's id.</param>
/// <param name="Name">Its MP-qualified name.</param>
/// <param name="DisplayName">Its display name.</param>
/// <param name="ManagementPack">The pack that declares it.</param>
/// <param name="Base">The class it derives from (null for <c>System.Entity</c>).</param>
/// <param name="Abstract">Whether it is abstract.</param>
/// <param name="Hosted">Whether its objects are hosted.</param>
/// <param name="Singleton">Whether it has exactly one object.</param>
/// <param name="Properties">Its properties, its base classes' first.</param>
public sealed record MonitoringClass(
    Guid Id, string Name, string? DisplayName, string? ManagementPack, string? Base, bool Abstract, bool Hosted, bool Singleton, IReadOnlyList<ClassProperty> Properties);
