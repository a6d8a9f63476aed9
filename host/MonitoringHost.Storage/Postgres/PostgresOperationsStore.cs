using System.Data.Common;
using MonitoringHost.Runtime.Alerts;
using Npgsql;
using NpgsqlTypes;
using static MonitoringHost.Storage.OperationsSql;
using static MonitoringHost.Storage.Postgres.PostgresBulk;

namespace MonitoringHost.Storage.Postgres;

/// <summary>
/// The operations store in the PostgreSQL database: a batch is one transaction of set-based upserts and deletes from
/// arrays (<c>unnest</c>) in one round trip, then binary COPY of state changes and feed events; it takes the feed lock
/// first, as every writer does, and returns after the server's WAL flush, whatever its <c>synchronous_commit</c>.
/// </summary>
public sealed class PostgresOperationsStore : OperationsStore
{
    private const string UniqueViolation = "23505";

    private static readonly string UpsertStates =
        $"INSERT INTO monitor_states ({string.Join(", ", MonitorStateColumns)}) " +
        "SELECT * FROM unnest($1::uuid[], $2::text[], $3::integer[], $4::text[], $5::timestamptz[]) " + OnConflictUpdate(MonitorStateColumns, 2);

    private static readonly string UpsertAlerts =
        $"INSERT INTO alerts ({string.Join(", ", AlertColumns)}) SELECT * FROM unnest(" +
        "$1::uuid[], $2::text[], $3::text[], $4::integer[], $5::integer[], $6::integer[], $7::text[], $8::uuid[], $9::text[], $10::text[], " +
        "$11::text[], $12::boolean[], $13::text[], $14::uuid[], $15::integer[], $16::text[], $17::text[], $18::text[], $19::text[], $20::text[], " +
        "$21::text[], $22::text[], $23::text[], $24::text[], $25::text[], $26::text[], $27::text[], $28::text[], $29::text[], $30::text[], " +
        "$31::timestamptz[], $32::timestamptz[], $33::timestamptz[], $34::text[], $35::timestamptz[], $36::text[], $37::uuid[], $38::bigint[]) " +
        OnConflictUpdate(AlertColumns, 1);

    private static readonly string InsertHistory =
        $"INSERT INTO alert_history ({string.Join(", ", HistoryColumns)}) " +
        "SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[])";

    private static readonly string UpsertWindows =
        $"INSERT INTO maintenance_windows ({string.Join(", ", WindowColumns)}) " +
        "SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::timestamptz[], $5::integer[], $6::text[], $7::text[], $8::boolean[]) " +
        OnConflictUpdate(WindowColumns, 1);

    private static readonly string UpsertResolutionStates =
        "INSERT INTO resolution_states (code, name) SELECT * FROM unnest($1::integer[], $2::text[]) " + OnConflictUpdate(["code", "name"], 1);

    private const string DeleteStates = "DELETE FROM monitor_states WHERE object_id = ANY($1)";

    private const string DeleteWindows =
        """
        DELETE FROM maintenance_windows w USING unnest($1::uuid[], $2::timestamptz[]) AS e(object_id, start_time)
        WHERE w.object_id = e.object_id AND w.start_time = e.start_time
        """;

    private static readonly string CopyStateChanges = $"COPY state_changes ({string.Join(", ", StateChangeColumns)}) FROM STDIN (FORMAT BINARY)";

    internal PostgresOperationsStore(PostgresInstanceStore store)
        : base(store, PostgresSql.Instance)
    {
    }

    private protected override object IdValue(Guid id) => id;

    private protected override bool IsOpenAlertConflict(DbException exception) =>
        exception is PostgresException { SqlState: UniqueViolation, ConstraintName: OneOpenAlertIndex };

    private protected override async Task WriteAsync(OperationRows rows, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await PostgresBulk.WriteAsync(connection, batch => AddUpserts(batch, rows), async _ =>
        {
            await CopyAsync(connection, CopyStateChanges, rows.StateChanges, static async (w, c, ct) =>
            {
                await w.WriteAsync(c.ObjectId, NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
                await w.WriteAsync(c.MonitorId, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await w.WriteAsync((int)c.OldState, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await w.WriteAsync((int)c.NewState, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await w.WriteAsync(StoredTime.UtcDateTime(c.Time), NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false);
                await WriteTextAsync(w, c.Context, ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            await CopyFeedEventsAsync(connection, rows.Feed, cancellationToken).ConfigureAwait(false);
            return rows.Count;
        }, cancellationToken).ConfigureAwait(false);
    }

    private static void AddUpserts(NpgsqlBatch batch, OperationRows rows)
    {
        var commands = batch.BatchCommands;
        if (rows.States.Count > 0)
        {
            var states = rows.States;
            commands.Add(Command(UpsertStates,
                Parameter(Column(states, s => s.ObjectId)), Parameter(Column(states, s => s.MonitorId)), Parameter(Column(states, s => (int)s.State)),
                Parameter(Column(states, s => s.MonitorTypeState)), Parameter(Column(states, s => StoredTime.UtcDateTime(s.LastChanged)))));
        }

        if (rows.RemovedObjects.Count > 0)
        {
            commands.Add(Command(DeleteStates, Parameter(rows.RemovedObjects.ToArray())));
        }

        if (rows.Alerts.Count > 0)
        {
            commands.Add(Command(UpsertAlerts, AlertParameters(rows.Alerts)));
        }

        if (rows.History.Count > 0)
        {
            var history = rows.History;
            commands.Add(Command(InsertHistory,
                Parameter(Column(history, h => h.AlertId)), Parameter(Column(history, h => h.Version)), Parameter(Column(history, h => StoredTime.UtcDateTime(h.Time))),
                Parameter(Column(history, h => h.By.Name)), Parameter(Column(history, h => OperationsJson.AuthorKind(h.By.Kind))),
                Parameter(Column(history, h => OperationsJson.Changes(h.Changes))), Parameter(Column(history, h => h.Comment))));
        }

        if (rows.MaintenanceStarted.Count > 0)
        {
            var windows = rows.MaintenanceStarted;
            commands.Add(Command(UpsertWindows,
                Parameter(Column(windows, w => w.ObjectId)), Parameter(Column(windows, w => w.RootObjectId)),
                Parameter(Column(windows, w => StoredTime.UtcDateTime(w.Start))), Parameter(Column(windows, w => StoredTime.UtcDateTime(w.Until))),
                Parameter(Column(windows, w => (int)w.Reason)), Parameter(Column(windows, w => w.Comment)), Parameter(Column(windows, w => w.By)),
                Parameter(Column(windows, w => w.Recursive))));
        }

        if (rows.MaintenanceEnded.Count > 0)
        {
            var ended = rows.MaintenanceEnded;
            commands.Add(Command(DeleteWindows, Parameter(Column(ended, e => e.Window.ObjectId)), Parameter(Column(ended, e => StoredTime.UtcDateTime(e.Window.Start)))));
        }

        if (rows.ResolutionStates.Count > 0)
        {
            var states = rows.ResolutionStates;
            commands.Add(Command(UpsertResolutionStates, Parameter(Column(states, s => s.Code)), Parameter(Column(states, s => s.Name))));
        }
    }

    private static NpgsqlParameter[] AlertParameters(IReadOnlyList<Alert> alerts)
    {
        NpgsqlParameter[] parameters =
        [
            Parameter(Column(alerts, a => a.Id)), Parameter(Column(alerts, a => a.Name)), Parameter(Column(alerts, a => a.Description)),
            Parameter(Column(alerts, a => a.Severity)), Parameter(Column(alerts, a => a.Priority)), Parameter(Column(alerts, a => a.ResolutionState)),
            Parameter(Column(alerts, a => a.Category)), Parameter(Column(alerts, a => a.MonitoringObjectId)),
            Parameter(Column(alerts, a => a.MonitoringObjectDisplayName)), Parameter(Column(alerts, a => a.MonitoringObjectPath)),
            Parameter(Column(alerts, a => a.MonitoringClassId)), Parameter(Column(alerts, a => a.IsMonitorAlert)), Parameter(Column(alerts, a => a.RuleOrMonitorId)),
            Parameter(Column(alerts, a => a.ProblemId)), Parameter(Column(alerts, a => a.RepeatCount)), Parameter(Column(alerts, a => a.Owner)),
            Parameter(Column(alerts, a => a.TicketId)),
            .. Enumerable.Range(0, 10).Select(i => Parameter(Column(alerts, a => a.CustomFields[i]))),
            Parameter(Column(alerts, a => a.Context)), Parameter(Column(alerts, a => OperationsJson.Strings(a.Parameters))),
            Parameter(Column(alerts, a => OperationsJson.Strings(a.Suppression))), Parameter(Column(alerts, a => StoredTime.UtcDateTime(a.TimeRaised))),
            Parameter(Column(alerts, a => StoredTime.UtcDateTime(a.TimeAdded))), Parameter(Column(alerts, a => StoredTime.UtcDateTime(a.LastModified))),
            Parameter(Column(alerts, a => a.LastModifiedBy)),
            Parameter(Column(alerts, a => a.TimeResolved is { } resolved ? StoredTime.UtcDateTime(resolved) : (DateTime?)null)),
            Parameter(Column(alerts, a => a.ResolvedBy)), Parameter(Column(alerts, a => a.ConnectorId)), Parameter(Column(alerts, a => a.Version)),
        ];
        return parameters;
    }

    private static TColumn[] Column<TRow, TColumn>(IReadOnlyList<TRow> rows, Func<TRow, TColumn> value)
    {
        var column = new TColumn[rows.Count];
        for (var i = 0; i < column.Length; i++)
        {
            column[i] = value(rows[i]);
        }

        return column;
    }
}
