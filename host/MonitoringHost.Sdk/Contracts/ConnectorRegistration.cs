namespace MonitoringHost.Sdk.Contracts;

/// <summary>
/// A connector to register (<c>POST /connectors</c>). Give a fixed <paramref name="Id"/> so that registering again
/// (a reinstall) finds the same connector instead of adding one.
/// </summary>
/// <param name="Name">Its unique name (1 to 128 characters, no control characters, no surrounding spaces).</param>
/// <param name="Id">Its id; chosen by the server when left out.</param>
/// <param name="DisplayName">The name shown; the name when left out.</param>
/// <param name="Description">What it does.</param>
/// <param name="OwnsDiscoveryData">Whether it pushes discovery data of its own (default false).</param>
public sealed record ConnectorRegistration(string Name, Guid? Id = null, string? DisplayName = null, string? Description = null, bool? OwnsDiscoveryData = null);
