namespace MonitoringHost.Sdk.Contracts;

/// <summary>An object in maintenance (<c>GET /maintenance</c>).</summary>
/// <param name="ObjectId">The object.</param>
/// <param name="RootObjectId">The object maintenance was started on (itself, or the object hosting or containing it).</param>
/// <param name="Start">When it started (UTC).</param>
/// <param name="Until">When it ends (UTC).</param>
/// <param name="Reason">SCOM's reason, by name.</param>
/// <param name="Comment">The comment given.</param>
/// <param name="By">Who started it.</param>
/// <param name="Recursive">Whether it was started recursively.</param>
public sealed record MaintenanceWindow(Guid ObjectId, Guid RootObjectId, DateTimeOffset Start, DateTimeOffset Until, string Reason, string? Comment, string By, bool Recursive);
