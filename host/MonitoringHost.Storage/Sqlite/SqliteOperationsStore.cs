using System.Data.Common;
using Microsoft.Data.Sqlite;
using MonitoringHost.Discovery.Storage;
using MonitoringHost.Runtime.Alerts;
using static MonitoringHost.Storage.OperationsSql;

namespace MonitoringHost.Storage.Sqlite;

/// <summary>
/// The operations store in the SQLite file: a batch is one IMMEDIATE transaction with one prepared statement per kind
/// of row, rebound per row (<see cref="SqliteStatement"/>), monitor states in key order; durable on commit
/// (<c>synchronous=FULL</c>), and counted towards the instance store's WAL checkpoints.
/// </summary>
public sealed class SqliteOperationsStore : OperationsStore
{
    // SQLITE_CONSTRAINT_UNIQUE: the extended result code of a unique index refusing a row.
    private const int UniqueConstraintFailed = 2067;

    private static readonly string UpsertState = Upsert("monitor_states", MonitorStateColumns, 2, Positions(MonitorStateColumns.Length));

    private static readonly string InsertStateChange =
        $"INSERT INTO state_changes ({string.Join(", ", StateChangeColumns)}) VALUES ({string.Join(", ", Positions(StateChangeColumns.Length))})";

    private static readonly string UpsertAlert = Upsert("alerts", AlertColumns, 1, Positions(AlertColumns.Length));

    private static readonly string InsertHistory =
        $"INSERT INTO alert_history ({string.Join(", ", HistoryColumns)}) VALUES ({string.Join(", ", Positions(HistoryColumns.Length))})";

    private static readonly string UpsertWindow = Upsert("maintenance_windows", WindowColumns, 1, Positions(WindowColumns.Length));

    private static readonly string UpsertResolution = Upsert("resolution_states", ["code", "name"], 1, Positions(2));

    private const string DeleteStates = "DELETE FROM monitor_states WHERE object_id = ?1";

    private const string DeleteWindow = "DELETE FROM maintenance_windows WHERE object_id = ?1 AND start_time = ?2";

    private readonly SqliteInstanceStore _store;

    internal SqliteOperationsStore(SqliteInstanceStore store)
        : base(store, SqliteSql.Instance)
    {
        _store = store;
    }

    // Microsoft.Data.Sqlite binds a Guid as TEXT; the STRICT BLOB columns take the 16 bytes (.NET order), as objects.id does.
    private protected override object IdValue(Guid id) => id.ToByteArray();

    private protected override bool IsOpenAlertConflict(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: UniqueConstraintFailed } e && e.Message.Contains("alerts.rule_or_monitor_id", StringComparison.Ordinal);

    private protected override async Task WriteAsync(OperationRows rows, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // BEGIN IMMEDIATE: take the write lock now rather than fail to upgrade a read lock halfway.
            using var turn = await Owner.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
            using var transaction = connection.BeginTransaction(deferred: false);
            using var payloads = SqliteRowWriter.Payloads(rows.Feed);
            var writer = new SqliteRowWriter(connection, cancellationToken);
            writer.Run(UpsertState, KeyOrder.MonitorStates(rows.States), static (s, state, _) =>
            {
                s.Bind(1, state.ObjectId);
                s.Bind(2, state.MonitorId);
                s.Bind(3, (long)state.State);
                s.Bind(4, state.MonitorTypeState);
                s.Bind(5, state.LastChanged);
            });
            writer.Run(DeleteStates, rows.RemovedObjects, static (s, id, _) => s.Bind(1, id));
            writer.Run(InsertStateChange, rows.StateChanges, static (s, change, _) =>
            {
                s.Bind(1, change.ObjectId);
                s.Bind(2, change.MonitorId);
                s.Bind(3, (long)change.OldState);
                s.Bind(4, (long)change.NewState);
                s.Bind(5, change.Time);
                s.Bind(6, change.Context);
            });
            writer.Run(UpsertAlert, rows.Alerts, static (s, alert, _) => BindAlert(s, alert));
            writer.Run(InsertHistory, rows.History, static (s, entry, _) =>
            {
                s.Bind(1, entry.AlertId);
                s.Bind(2, entry.Version);
                s.Bind(3, entry.Time);
                s.Bind(4, entry.By.Name);
                s.Bind(5, OperationsJson.AuthorKind(entry.By.Kind));
                s.Bind(6, OperationsJson.Changes(entry.Changes));
                s.Bind(7, entry.Comment);
            });
            writer.Run(UpsertWindow, rows.MaintenanceStarted, static (s, window, _) =>
            {
                s.Bind(1, window.ObjectId);
                s.Bind(2, window.RootObjectId);
                s.Bind(3, window.Start);
                s.Bind(4, window.Until);
                s.Bind(5, (long)window.Reason);
                s.Bind(6, window.Comment);
                s.Bind(7, window.By);
                s.Bind(8, window.Recursive);
            });
            writer.Run(DeleteWindow, rows.MaintenanceEnded, static (s, ended, _) =>
            {
                s.Bind(1, ended.Window.ObjectId);
                s.Bind(2, ended.Window.Start);
            });
            writer.Run(UpsertResolution, rows.ResolutionStates, static (s, state, _) =>
            {
                s.Bind(1, state.Code);
                s.Bind(2, state.Name);
            });
            writer.RunFeed(rows.Feed, payloads);

            // Not cancellable: once COMMIT starts its outcome must be known to the caller. With synchronous=FULL
            // it returns after the WAL is synced.
            transaction.Commit();
            _store.ScheduleCheckpoint(rows.Count);
        }
    }

    private static void BindAlert(SqliteStatement s, Alert alert)
    {
        s.Bind(1, alert.Id);
        s.Bind(2, alert.Name);
        s.Bind(3, alert.Description);
        s.Bind(4, alert.Severity);
        s.Bind(5, alert.Priority);
        s.Bind(6, alert.ResolutionState);
        s.Bind(7, alert.Category);
        s.Bind(8, alert.MonitoringObjectId);
        s.Bind(9, alert.MonitoringObjectDisplayName);
        s.Bind(10, alert.MonitoringObjectPath);
        s.Bind(11, alert.MonitoringClassId);
        s.Bind(12, alert.IsMonitorAlert);
        s.Bind(13, alert.RuleOrMonitorId);
        s.Bind(14, alert.ProblemId);
        s.Bind(15, alert.RepeatCount);
        s.Bind(16, alert.Owner);
        s.Bind(17, alert.TicketId);
        for (var i = 0; i < 10; i++)
        {
            s.Bind(18 + i, alert.CustomFields[i]);
        }

        s.Bind(28, alert.Context);
        s.Bind(29, OperationsJson.Strings(alert.Parameters));
        s.Bind(30, OperationsJson.Strings(alert.Suppression));
        s.Bind(31, alert.TimeRaised);
        s.Bind(32, alert.TimeAdded);
        s.Bind(33, alert.LastModified);
        s.Bind(34, alert.LastModifiedBy);
        s.Bind(35, alert.TimeResolved);
        s.Bind(36, alert.ResolvedBy);
        s.Bind(37, alert.ConnectorId);
        s.Bind(38, alert.Version);
    }
}
