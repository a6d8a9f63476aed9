using Microsoft.Data.Sqlite;

namespace MonitoringHost.Storage.Sqlite;

/// <summary>
/// Collected data in the SQLite file: a batch is one IMMEDIATE transaction with one prepared insert per kind of row,
/// rebound per row; durable on commit (<c>synchronous=FULL</c>, set on every connection of the store).
/// </summary>
public sealed class SqliteCollectedDataStore : CollectedDataStore
{
    private const string InsertSample =
        "INSERT INTO performance_samples (workflow_id, target_id, object_name, counter_name, instance_name, value, time_sampled) " +
        "VALUES ($workflow, $target, $object, $counter, $instance, $value, $time)";

    private const string InsertEvent =
        "INSERT INTO collected_events (workflow_id, target_id, time, type_name, event_number, event_level, event_category, channel, " +
        "publisher_name, logging_computer, user_name, description) VALUES ($workflow, $target, $time, $type, $number, $level, $category, " +
        "$channel, $publisher, $computer, $user, $description)";

    internal SqliteCollectedDataStore(SqliteInstanceStore store, CollectedDataOptions options, TimeProvider time)
        : base(store, SqliteSql.Instance, options, time)
    {
    }

    // Microsoft.Data.Sqlite would bind a Guid as TEXT; ids are 16-byte BLOBs in Guid.ToByteArray order, as in 0001.
    private protected override object IdValue(Guid id) => id.ToByteArray();

    private protected override async Task WriteBatchAsync(IReadOnlyList<PerformanceSample> samples, IReadOnlyList<CollectedEvent> events, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // BEGIN IMMEDIATE: take the write lock now rather than fail to upgrade a read lock halfway.
            using var turn = await Owner.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
            using var transaction = connection.BeginTransaction(deferred: false);
            if (samples.Count > 0)
            {
                using var insert = Prepare(connection, transaction, InsertSample, "$workflow", "$target", "$object", "$counter", "$instance", "$value", "$time");
                foreach (var sample in samples)
                {
                    Run(insert, sample.WorkflowId, IdValue(sample.TargetId), sample.ObjectName, sample.CounterName, sample.InstanceName, sample.Value, StoredTime.UnixMicroseconds(sample.TimeSampled));
                }
            }

            if (events.Count > 0)
            {
                using var insert = Prepare(connection, transaction, InsertEvent,
                    "$workflow", "$target", "$time", "$type", "$number", "$level", "$category", "$channel", "$publisher", "$computer", "$user", "$description");
                foreach (var e in events)
                {
                    Run(insert, e.WorkflowId, IdValue(e.TargetId), StoredTime.UnixMicroseconds(e.Time), e.TypeName, e.EventNumber, e.EventLevel, e.EventCategory,
                        e.Channel, e.PublisherName, e.LoggingComputer, e.UserName, e.Description);
                }
            }

            transaction.Commit();
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }
}
