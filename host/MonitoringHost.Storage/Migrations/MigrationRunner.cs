using System.Data.Common;
using System.Globalization;

namespace MonitoringHost.Storage.Migrations;

/// <summary>
/// Brings a database to the newest schema this build knows: every script not yet recorded in <c>schema_version</c>
/// is applied in its own transaction together with its record, so a crash leaves each script either wholly applied
/// and recorded or not at all, and a restart picks up where it stopped. Both dialects run the same code.
/// </summary>
internal static class MigrationRunner
{
    /// <summary>Applies what is missing and returns the versions applied now (empty when the schema was current).</summary>
    public static Task<IReadOnlyList<int>> RunAsync(DbConnection connection, InstanceStoreSql sql, TimeProvider time, CancellationToken cancellationToken) =>
        RunAsync(connection, sql, time, int.MaxValue, cancellationToken);

    /// <summary>Applies what is missing up to <paramref name="lastVersion"/> (an older schema, as an older host left it).</summary>
    public static async Task<IReadOnlyList<int>> RunAsync(DbConnection connection, InstanceStoreSql sql, TimeProvider time, int lastVersion, CancellationToken cancellationToken)
    {
        var scripts = MigrationScript.For(sql.Dialect);
        var applied = new List<int>();
        foreach (var script in scripts.Where(s => s.Version <= lastVersion))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                if (sql.LockForMigration is { } lockStatement)
                {
                    await ExecuteAsync(connection, transaction, lockStatement, cancellationToken).ConfigureAwait(false);
                }

                await ExecuteAsync(connection, transaction, sql.CreateSchemaVersionTable, cancellationToken).ConfigureAwait(false);
                var recorded = await ReadAsync(connection, transaction, sql, cancellationToken).ConfigureAwait(false);
                if (recorded.Count > 0 && recorded[^1].Version > scripts[^1].Version)
                {
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                        $"The {sql.Dialect} database schema is at version {recorded[^1].Version} ({recorded[^1].Name}), newer than the newest this host knows ({scripts[^1].Version}, {scripts[^1].Name}); run a newer host."));
                }

                if (recorded.Any(r => r.Version == script.Version))
                {
                    continue;
                }

                await ExecuteAsync(connection, transaction, script.Sql, cancellationToken).ConfigureAwait(false);
                await using (var record = connection.CreateCommand())
                {
                    record.Transaction = transaction;
                    record.CommandText = sql.InsertSchemaVersion;
                    AddParameter(record, "@version", script.Version);
                    AddParameter(record, "@name", script.Name);
                    AddParameter(record, "@applied", sql.TimeValue(time.GetUtcNow()));
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                // Not cancellable: once the commit is sent its outcome must be known.
                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                applied.Add(script.Version);
            }
        }

        return applied;
    }

    /// <summary>The scripts recorded as applied, in version order (empty before the first migration).</summary>
    public static async Task<IReadOnlyList<AppliedMigration>> ReadAsync(DbConnection connection, DbTransaction? transaction, InstanceStoreSql sql, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = sql.SelectSchemaVersions;
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var result = new List<AppliedMigration>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    result.Add(new AppliedMigration(reader.GetInt32(0), reader.GetString(1), sql.ReadTime(reader, 2)));
                }

                return result;
            }
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string text, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = text;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
