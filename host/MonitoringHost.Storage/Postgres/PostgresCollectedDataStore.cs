using Npgsql;
using NpgsqlTypes;

namespace MonitoringHost.Storage.Postgres;

/// <summary>
/// Collected data in PostgreSQL: a batch is one transaction of binary COPY per table, so a batch costs a few round
/// trips whatever its size; the commit returns after the server's WAL flush, whatever its <c>synchronous_commit</c>.
/// </summary>
public sealed class PostgresCollectedDataStore : CollectedDataStore
{
    private const string CopySamples =
        "COPY performance_samples (workflow_id, target_id, object_name, counter_name, instance_name, value, time_sampled) FROM STDIN (FORMAT BINARY)";

    private const string CopyEvents =
        "COPY collected_events (workflow_id, target_id, time, type_name, event_number, event_level, event_category, channel, publisher_name, " +
        "logging_computer, user_name, description) FROM STDIN (FORMAT BINARY)";

    internal PostgresCollectedDataStore(PostgresInstanceStore store, CollectedDataOptions options, TimeProvider time)
        : base(store, PostgresSql.Instance, options, time)
    {
    }

    private protected override object IdValue(Guid id) => id;

    private protected override async Task WriteBatchAsync(IReadOnlyList<PerformanceSample> samples, IReadOnlyList<CollectedEvent> events, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var durable = new NpgsqlCommand(PostgresSql.EnsureDurableCommit, connection, transaction);
                await using (durable.ConfigureAwait(false))
                {
                    await durable.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                if (samples.Count > 0)
                {
                    var importer = await connection.BeginBinaryImportAsync(CopySamples, cancellationToken).ConfigureAwait(false);
                    await using (importer.ConfigureAwait(false))
                    {
                        foreach (var sample in samples)
                        {
                            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                            await importer.WriteAsync(sample.WorkflowId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                            await importer.WriteAsync(sample.TargetId, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                            await importer.WriteAsync(sample.ObjectName, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                            await importer.WriteAsync(sample.CounterName, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                            await importer.WriteAsync(sample.InstanceName, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                            await WriteNullableAsync(importer, sample.Value, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
                            await importer.WriteAsync(StoredTime.UtcDateTime(sample.TimeSampled), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                        }

                        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                if (events.Count > 0)
                {
                    var importer = await connection.BeginBinaryImportAsync(CopyEvents, cancellationToken).ConfigureAwait(false);
                    await using (importer.ConfigureAwait(false))
                    {
                        foreach (var e in events)
                        {
                            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                            await importer.WriteAsync(e.WorkflowId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                            await importer.WriteAsync(e.TargetId, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                            await importer.WriteAsync(StoredTime.UtcDateTime(e.Time), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                            await importer.WriteAsync(e.TypeName, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                            await WriteNullableAsync(importer, e.EventNumber, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                            await WriteNullableAsync(importer, e.EventLevel, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                            await WriteNullableAsync(importer, e.EventCategory, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                            await PostgresBulk.WriteTextAsync(importer, e.Channel, cancellationToken).ConfigureAwait(false);
                            await PostgresBulk.WriteTextAsync(importer, e.PublisherName, cancellationToken).ConfigureAwait(false);
                            await PostgresBulk.WriteTextAsync(importer, e.LoggingComputer, cancellationToken).ConfigureAwait(false);
                            await PostgresBulk.WriteTextAsync(importer, e.UserName, cancellationToken).ConfigureAwait(false);
                            await PostgresBulk.WriteTextAsync(importer, e.Description, cancellationToken).ConfigureAwait(false);
                        }

                        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                // Not cancellable: once the commit is sent its outcome must be known.
                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } present ? importer.WriteAsync(present, type, cancellationToken) : importer.WriteNullAsync(cancellationToken);
}
