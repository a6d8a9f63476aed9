namespace MonitoringHost.Storage.Migrations;

/// <summary>A schema script recorded in the <c>schema_version</c> table: which, and when it was applied (UTC).</summary>
public sealed record AppliedMigration(int Version, string Name, DateTimeOffset Applied);
