using System.Data.Common;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Runtime.Alerts;
using MonitoringHost.Runtime.Health;
using MonitoringHost.Runtime.Maintenance;
using MonitoringHost.Runtime.Operations;
using MonitoringHost.Storage.Postgres;
using MonitoringHost.Storage.Sqlite;

namespace MonitoringHost.Storage;

/// <summary>
/// Monitor states, state changes, alerts and their history, maintenance and resolution states in the operational
/// store's database (tables of <c>0004_operations.sql</c>), through the instance store's connections, sharing its
/// change feed. A batch is written the dialect's fastest way (<see cref="SqliteOperationsStore"/>,
/// <see cref="PostgresOperationsStore"/>) in one transaction with its feed events, durable on return, all or nothing.
/// The database itself keeps at most one open alert per monitor and object. Get one with <see cref="For"/>; it lives
/// as long as its instance store. The queries the API serves are in <c>OperationsStore.Queries.cs</c>.
/// </summary>
public abstract partial class OperationsStore : CompanionStore, IOperationsStore
{
    private protected OperationsStore(InstanceStore owner, InstanceStoreSql sql)
        : base(owner, sql)
    {
    }

    /// <summary>The operations store in <paramref name="store"/>'s database (its schema already brought up to date).</summary>
    public static OperationsStore For(InstanceStore store) =>
        For<OperationsStore>(store, sqlite => new SqliteOperationsStore(sqlite), postgres => new PostgresOperationsStore(postgres));

    /// <inheritdoc />
    public async Task<OperationsSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await Owner.BeginSnapshotTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                using var strings = new SharedStrings();
                var states = await DbQuery.ReadAllAsync(connection, transaction, OperationsSql.SelectStates, NoParameters, r => ReadState(r, strings), cancellationToken).ConfigureAwait(false);
                var alerts = await DbQuery.ReadAllAsync(connection, transaction, OperationsSql.SelectOpenAlerts, NoParameters, ReadAlert, cancellationToken).ConfigureAwait(false);
                var windows = await DbQuery.ReadAllAsync(connection, transaction, OperationsSql.SelectWindows, NoParameters, ReadWindow, cancellationToken).ConfigureAwait(false);
                var resolutionStates = await DbQuery.ReadAllAsync(connection, transaction, OperationsSql.SelectResolutionStates, NoParameters, ReadResolutionState, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new OperationsSnapshot(states, alerts, windows, resolutionStates);
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Throws <see cref="ArgumentException"/> for a batch that cannot be stored (an alert without its ten custom
    /// fields, a resolution state outside 1–254) and <see cref="OpenMonitorAlertConflictException"/> when the batch
    /// would leave two open alerts of one monitor on one object, within itself or with an alert already stored; in
    /// every case nothing of the batch is written.
    /// </remarks>
    public async Task CommitAsync(OperationsBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        if (batch.IsEmpty)
        {
            return;
        }

        var rows = OperationRows.From(batch);
        try
        {
            await WriteAsync(rows, cancellationToken).ConfigureAwait(false);
            if (rows.Feed.Count > 0)
            {
                Owner.Feed.Raise();
            }
        }
        catch (DbException e) when (IsOpenAlertConflict(e))
        {
            throw await DescribeConflictAsync(rows, e, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes the rows and their feed events in one transaction and returns once it is durable; on any failure
    /// (or a cancellation before the commit starts) nothing is written.
    /// </summary>
    private protected abstract Task WriteAsync(OperationRows rows, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="exception"/> is the database refusing a second open alert of a monitor on an object.</summary>
    private protected abstract bool IsOpenAlertConflict(DbException exception);

    private protected static void NoParameters(DbCommand command)
    {
    }

    /// <summary>
    /// The batch was rolled back: names the alert of the batch that met an open alert stored for the same monitor and
    /// object (conflicts within the batch were refused before it was written).
    /// </summary>
    private async Task<OpenMonitorAlertConflictException> DescribeConflictAsync(OperationRows rows, DbException failure, CancellationToken cancellationToken)
    {
        foreach (var alert in rows.Alerts.Where(a => a.IsMonitorAlert && a.IsOpen))
        {
            var open = await ReadAsync(OperationsSql.SelectOtherOpenAlert, c =>
            {
                Add(c, "@monitor", alert.RuleOrMonitorId);
                Add(c, "@object", IdValue(alert.MonitoringObjectId));
                Add(c, "@id", IdValue(alert.Id));
            }, r => Sql.ReadGuid(r, 0), cancellationToken).ConfigureAwait(false);
            if (open.Count > 0)
            {
                return new OpenMonitorAlertConflictException(alert.Id, alert.RuleOrMonitorId, alert.MonitoringObjectId, open[0], failure);
            }
        }

        return new OpenMonitorAlertConflictException(
            $"the batch would leave two open alerts of one monitor on one object, and nothing of it was written: {failure.Message}", failure);
    }

    private MonitorStateRecord ReadState(DbDataReader r, SharedStrings strings) =>
        new(Sql.ReadGuid(r, 0), strings.Get(r.GetString(1)), (HealthState)r.GetInt32(2), Text(r, 3), Sql.ReadTime(r, 4));

    private Alert ReadAlert(DbDataReader r) => new()
    {
        Id = Sql.ReadGuid(r, 0),
        Name = r.GetString(1),
        Description = r.GetString(2),
        Severity = r.GetInt32(3),
        Priority = r.GetInt32(4),
        ResolutionState = r.GetInt32(5),
        Category = Text(r, 6),
        MonitoringObjectId = Sql.ReadGuid(r, 7),
        MonitoringObjectDisplayName = r.GetString(8),
        MonitoringObjectPath = r.GetString(9),
        MonitoringClassId = r.GetString(10),
        IsMonitorAlert = r.GetBoolean(11),
        RuleOrMonitorId = r.GetString(12),
        ProblemId = Sql.ReadGuid(r, 13),
        RepeatCount = r.GetInt32(14),
        Owner = Text(r, 15),
        TicketId = Text(r, 16),
        CustomFields = [.. Enumerable.Range(17, 10).Select(i => Text(r, i))],
        Context = Text(r, 27),
        Parameters = OperationsJson.ReadStrings(r.GetString(28)),
        Suppression = OperationsJson.ReadStrings(r.GetString(29)),
        TimeRaised = Sql.ReadTime(r, 30),
        TimeAdded = Sql.ReadTime(r, 31),
        LastModified = Sql.ReadTime(r, 32),
        LastModifiedBy = r.GetString(33),
        TimeResolved = r.IsDBNull(34) ? null : Sql.ReadTime(r, 34),
        ResolvedBy = Text(r, 35),
        ConnectorId = r.IsDBNull(36) ? null : Sql.ReadGuid(r, 36),
        Version = r.GetInt64(37),
    };

    private MaintenanceWindow ReadWindow(DbDataReader r) => new(
        Sql.ReadGuid(r, 0), Sql.ReadGuid(r, 1), Sql.ReadTime(r, 2), Sql.ReadTime(r, 3), (MaintenanceReason)r.GetInt32(4), Text(r, 5), r.GetString(6), r.GetBoolean(7));

    private static ResolutionState ReadResolutionState(DbDataReader r) => new(r.GetInt32(0), r.GetString(1));
}
