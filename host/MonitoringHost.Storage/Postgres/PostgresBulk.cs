using System.Buffers;
using System.Text;
using System.Text.Json;
using MonitoringHost.Discovery.Storage;
using Npgsql;
using NpgsqlTypes;

namespace MonitoringHost.Storage.Postgres;

/// <summary>The bulk writes the PostgreSQL stores share: binary COPY of rows, feed events, and batched array statements.</summary>
internal static class PostgresBulk
{
    public const int CancellationCheckInterval = 1024;

    /// <summary>
    /// One writer transaction on <paramref name="connection"/> (disposed when done): takes the feed lock (so feed
    /// sequence numbers follow commit order) and makes the commit durable, sends the statements
    /// <paramref name="statements"/> adds in one round trip, runs <paramref name="copy"/> (COPYs, reads), and commits.
    /// The commit itself is not cancellable: once it is sent its outcome must be known to the caller.
    /// </summary>
    public static async Task<T> WriteAsync<T>(
        NpgsqlConnection connection, Action<NpgsqlBatch> statements, Func<NpgsqlTransaction, Task<T>> copy, CancellationToken cancellationToken)
    {
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var batch = new NpgsqlBatch(connection, transaction);
                await using (batch.ConfigureAwait(false))
                {
                    batch.BatchCommands.Add(new NpgsqlBatchCommand(PostgresSql.LockFeed));
                    batch.BatchCommands.Add(new NpgsqlBatchCommand(PostgresSql.EnsureDurableCommit));
                    statements(batch);
                    await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                var result = await copy(transaction).ConfigureAwait(false);
                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                return result;
            }
        }
    }

    /// <summary>Copies <paramref name="rows"/> with one binary COPY; <paramref name="write"/> writes one row's columns.</summary>
    public static async Task CopyAsync<T>(
        NpgsqlConnection connection, string copy, IReadOnlyList<T> rows, Func<NpgsqlBinaryImporter, T, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            for (var i = 0; i < rows.Count; i++)
            {
                if (i % CancellationCheckInterval == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await write(importer, rows[i], cancellationToken).ConfigureAwait(false);
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Appends <paramref name="events"/> to the change feed in their order (COPY keeps it, so sequence numbers follow it).</summary>
    public static async Task CopyFeedEventsAsync(NpgsqlConnection connection, IReadOnlyList<ChangeFeedEvent> events, CancellationToken cancellationToken)
    {
        var payload = new ArrayBufferWriter<byte>(1024);
        using var payloadWriter = new Utf8JsonWriter(payload, ChangeFeedEvent.WriterOptions);
        var text = new char[1024];
        await CopyAsync(connection, PostgresSql.CopyFeedEvents, events, async (w, e, ct) =>
        {
            await w.WriteAsync(e.Kind, NpgsqlDbType.Text, ct).ConfigureAwait(false);
            await w.WriteAsync(e.SubjectId, NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
            await w.WriteAsync(StoredTime.UtcDateTime(e.Time), NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false);
            payload.ResetWrittenCount();
            payloadWriter.Reset(payload);
            e.WritePayload(payloadWriter);
            payloadWriter.Flush();
            if (text.Length < payload.WrittenCount)
            {
                text = new char[payload.WrittenCount * 2];
            }

            var length = Encoding.UTF8.GetChars(payload.WrittenSpan, text);
            await w.WriteAsync(new ArraySegment<char>(text, 0, length), NpgsqlDbType.Text, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes a text column that may be null.</summary>
    public static Task WriteTextAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    public static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    public static NpgsqlParameter<T> Parameter<T>(T value) => new() { TypedValue = value };
}
