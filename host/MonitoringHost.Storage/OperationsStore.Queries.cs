using System.Data.Common;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Runtime.Alerts;
using MonitoringHost.Runtime.Health;
using MonitoringHost.Runtime.Maintenance;

namespace MonitoringHost.Storage;

/// <summary>The reads the API serves, and the small writes that are not part of a health or alert step.</summary>
public abstract partial class OperationsStore
{
    /// <summary>One alert, open or closed; null when there is none with that id.</summary>
    public async Task<Alert?> ReadAlertAsync(Guid id, CancellationToken cancellationToken) =>
        (await ReadAsync(OperationsSql.SelectAlert, c => Add(c, "@id", IdValue(id)), ReadAlert, cancellationToken).ConfigureAwait(false)) is [var alert] ? alert : null;

    /// <summary>A page of alerts as <paramref name="query"/> asks, ordered by (last modified, id).</summary>
    public async Task<AlertPage> ReadAlertsAsync(AlertQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        var conditions = new List<string>(3);
        if (query.OpenOnly)
        {
            conditions.Add("resolution_state <> 255");
        }

        if (query.ModifiedSince is not null)
        {
            conditions.Add("last_modified >= @since");
        }

        if (query.After is not null)
        {
            conditions.Add("(last_modified, id) > (@after_modified, @after_id)");
        }

        var sql = OperationsSql.SelectAlerts + (conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions)) +
            " ORDER BY last_modified, id LIMIT @limit";

        // One more than asked: whether there is a next page is known without another query.
        var alerts = await ReadAsync(sql, c =>
        {
            if (query.ModifiedSince is { } since)
            {
                Add(c, "@since", Sql.TimeValue(since));
            }

            if (query.After is { } after)
            {
                Add(c, "@after_modified", Sql.TimeValue(after.LastModified));
                Add(c, "@after_id", IdValue(after.Id));
            }

            Add(c, "@limit", query.Limit + 1);
        }, ReadAlert, cancellationToken).ConfigureAwait(false);
        if (alerts.Count <= query.Limit)
        {
            return new AlertPage(alerts, null);
        }

        var page = alerts.Take(query.Limit).ToList();
        return new AlertPage(page, new AlertCursor(page[^1].LastModified, page[^1].Id));
    }

    /// <summary>Every change of an alert, oldest first (empty for an unknown alert).</summary>
    public Task<IReadOnlyList<AlertHistoryEntry>> ReadAlertHistoryAsync(Guid alertId, CancellationToken cancellationToken) =>
        ReadAsync(OperationsSql.SelectHistory, c => Add(c, "@id", IdValue(alertId)), r => new AlertHistoryEntry(
            Sql.ReadGuid(r, 0), r.GetInt64(1), Sql.ReadTime(r, 2), new ChangeAuthor(r.GetString(3), OperationsJson.ReadAuthorKind(r.GetString(4))),
            OperationsJson.ReadChanges(r.GetString(5)), Text(r, 6)), cancellationToken);

    /// <summary>The state changes of one object at or after <paramref name="since"/>, oldest first, at most <paramref name="limit"/>.</summary>
    public Task<IReadOnlyList<StateChange>> ReadStateChangesAsync(Guid objectId, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadAsync(OperationsSql.SelectStateChanges, c =>
        {
            Add(c, "@object", IdValue(objectId));
            Add(c, "@since", Sql.TimeValue(since));
            Add(c, "@limit", limit);
        }, r => new StateChange(Sql.ReadGuid(r, 0), r.GetString(1), (HealthState)r.GetInt32(2), (HealthState)r.GetInt32(3), Sql.ReadTime(r, 4), Text(r, 5)),
            cancellationToken);
    }

    /// <summary>The objects in maintenance now (started and not yet ended), by start time.</summary>
    public Task<IReadOnlyList<MaintenanceWindow>> ReadMaintenanceAsync(CancellationToken cancellationToken) =>
        ReadAsync(OperationsSql.SelectWindows, NoParameters, ReadWindow, cancellationToken);

    /// <summary>The resolution states, by code: 0 New, 255 Closed, the built-in ones and the custom ones.</summary>
    public Task<IReadOnlyList<ResolutionState>> ReadResolutionStatesAsync(CancellationToken cancellationToken) =>
        ReadAsync(OperationsSql.SelectResolutionStates, NoParameters, ReadResolutionState, cancellationToken);

    /// <summary>Adds a resolution state, or renames one (codes 1–254; 0 New and 255 Closed are fixed).</summary>
    public Task SaveResolutionStateAsync(ResolutionState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        OperationRows.CheckCustom(state, nameof(state));
        return ExecuteAsync(OperationsSql.UpsertResolutionState, c =>
        {
            Add(c, "@code", state.Code);
            Add(c, "@name", state.Name);
        }, cancellationToken);
    }

    /// <summary>Every maintenance schedule, by name.</summary>
    public Task<IReadOnlyList<MaintenanceSchedule>> ReadMaintenanceSchedulesAsync(CancellationToken cancellationToken) =>
        ReadAsync(OperationsSql.SelectSchedules + " ORDER BY name, id", NoParameters, ReadSchedule, cancellationToken);

    /// <summary>One maintenance schedule; null when there is none with that id.</summary>
    public async Task<MaintenanceSchedule?> ReadMaintenanceScheduleAsync(Guid id, CancellationToken cancellationToken) =>
        (await ReadAsync(OperationsSql.SelectSchedules + " WHERE id = @id", c => Add(c, "@id", IdValue(id)), ReadSchedule, cancellationToken).ConfigureAwait(false))
            is [var schedule] ? schedule : null;

    /// <summary>Adds a maintenance schedule, or replaces the one with the same id. Its duration must be a positive number of whole seconds.</summary>
    public Task SaveMaintenanceScheduleAsync(MaintenanceSchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (schedule.Duration <= TimeSpan.Zero || schedule.Duration.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentException($"the maintenance schedule {schedule.Id} ('{schedule.Name}') lasts {schedule.Duration}: a duration is a positive number of whole seconds", nameof(schedule));
        }

        object?[] values =
        [
            IdValue(schedule.Id), schedule.Name, schedule.Recurrence, schedule.TimeZone, (long)schedule.Duration.TotalSeconds, OperationsJson.Ids(schedule.Targets),
            schedule.Recursive, (int)schedule.Reason, schedule.Comment, schedule.Enabled, Sql.TimeValue(schedule.Created), Sql.TimeValue(schedule.Modified),
        ];
        return ExecuteAsync(OperationsSql.UpsertSchedule, c =>
        {
            for (var i = 0; i < values.Length; i++)
            {
                Add(c, "@" + OperationsSql.ScheduleColumns[i], values[i]);
            }
        }, cancellationToken);
    }

    /// <summary>Deletes a maintenance schedule; false when there was none with that id.</summary>
    public async Task<bool> DeleteMaintenanceScheduleAsync(Guid id, CancellationToken cancellationToken) =>
        await ExecuteAsync(OperationsSql.DeleteSchedule, c => Add(c, "@id", IdValue(id)), cancellationToken).ConfigureAwait(false) > 0;

    private MaintenanceSchedule ReadSchedule(DbDataReader r) => new(
        Sql.ReadGuid(r, 0), r.GetString(1), r.GetString(2), r.GetString(3), TimeSpan.FromSeconds(r.GetInt64(4)), OperationsJson.ReadIds(r.GetString(5)),
        r.GetBoolean(6), (MaintenanceReason)r.GetInt32(7), Text(r, 8), r.GetBoolean(9), Sql.ReadTime(r, 10), Sql.ReadTime(r, 11));

    /// <summary>Runs one statement on its own; returns the rows it affected.</summary>
    private async Task<int> ExecuteAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var turn = await Owner.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = sql;
                bind(command);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
