namespace MonitoringHost.Storage;

/// <summary>
/// The SQL of the operations store that both dialects accept as written (named parameters, row values,
/// <c>ON CONFLICT … DO UPDATE</c>), and the column lists the dialects' bulk writes share. Tables: <c>0004_operations.sql</c>.
/// </summary>
internal static class OperationsSql
{
    public static readonly string[] MonitorStateColumns = ["object_id", "monitor_id", "health_state", "monitor_type_state", "last_changed"];

    public static readonly string[] StateChangeColumns = ["object_id", "monitor_id", "old_state", "new_state", "time", "context"];

    /// <summary>Every column of <c>alerts</c>, in the order the writers bind and the readers read them.</summary>
    public static readonly string[] AlertColumns =
    [
        "id", "name", "description", "severity", "priority", "resolution_state", "category", "monitoring_object_id",
        "monitoring_object_display_name", "monitoring_object_path", "monitoring_class_id", "is_monitor_alert", "rule_or_monitor_id",
        "problem_id", "repeat_count", "owner", "ticket_id", "custom_field1", "custom_field2", "custom_field3", "custom_field4",
        "custom_field5", "custom_field6", "custom_field7", "custom_field8", "custom_field9", "custom_field10", "context", "parameters",
        "suppression", "time_raised", "time_added", "last_modified", "last_modified_by", "time_resolved", "resolved_by", "connector_id", "version",
    ];

    public static readonly string[] HistoryColumns = ["alert_id", "version", "time", "changed_by", "changed_by_kind", "changes", "comment"];

    public static readonly string[] WindowColumns =
        ["object_id", "root_object_id", "start_time", "until_time", "reason", "comment", "started_by", "is_recursive"];

    public static readonly string[] ScheduleColumns =
    [
        "id", "name", "recurrence", "time_zone", "duration_seconds", "targets", "is_recursive", "reason", "comment", "enabled", "created", "modified",
    ];

    /// <summary>The name of the partial unique index that keeps one open alert per monitor and object.</summary>
    public const string OneOpenAlertIndex = "alerts_one_open_per_monitor";

    public static readonly string SelectStates = $"SELECT {string.Join(", ", MonitorStateColumns)} FROM monitor_states";

    public static readonly string SelectAlerts = $"SELECT {string.Join(", ", AlertColumns)} FROM alerts";

    public static readonly string SelectOpenAlerts = SelectAlerts + " WHERE resolution_state <> 255 ORDER BY last_modified, id";

    public static readonly string SelectAlert = SelectAlerts + " WHERE id = @id";

    public static readonly string SelectWindows = $"SELECT {string.Join(", ", WindowColumns)} FROM maintenance_windows ORDER BY start_time, object_id";

    public const string SelectResolutionStates = "SELECT code, name FROM resolution_states ORDER BY code";

    public static readonly string SelectHistory =
        $"SELECT {string.Join(", ", HistoryColumns)} FROM alert_history WHERE alert_id = @id ORDER BY version";

    public static readonly string SelectStateChanges =
        $"SELECT {string.Join(", ", StateChangeColumns)} FROM state_changes WHERE object_id = @object AND time >= @since ORDER BY time, id LIMIT @limit";

    /// <summary>An open monitor alert of one monitor and object other than the given one (to name a conflict).</summary>
    public const string SelectOtherOpenAlert =
        "SELECT id FROM alerts WHERE rule_or_monitor_id = @monitor AND monitoring_object_id = @object AND is_monitor_alert " +
        "AND resolution_state <> 255 AND id <> @id";

    public static readonly string SelectSchedules = $"SELECT {string.Join(", ", ScheduleColumns)} FROM maintenance_schedules";

    public const string UpsertResolutionState =
        "INSERT INTO resolution_states (code, name) VALUES (@code, @name) ON CONFLICT (code) DO UPDATE SET name = excluded.name";

    public static readonly string UpsertSchedule = Upsert("maintenance_schedules", ScheduleColumns, 1, ScheduleColumns.Select(c => "@" + c));

    public const string DeleteSchedule = "DELETE FROM maintenance_schedules WHERE id = @id";

    /// <summary>
    /// <c>INSERT INTO table (columns) VALUES (values) ON CONFLICT (key) DO UPDATE SET</c> every other column, where the
    /// first <paramref name="keyColumns"/> columns are the key and <paramref name="values"/> is what each dialect binds.
    /// </summary>
    public static string Upsert(string table, string[] columns, int keyColumns, IEnumerable<string> values) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", values)}) " + OnConflictUpdate(columns, keyColumns);

    /// <summary>The <c>ON CONFLICT (key) DO UPDATE SET</c> clause that replaces every column but the key.</summary>
    public static string OnConflictUpdate(string[] columns, int keyColumns) =>
        $"ON CONFLICT ({string.Join(", ", columns.Take(keyColumns))}) DO UPDATE SET " +
        string.Join(", ", columns.Skip(keyColumns).Select(c => $"{c} = excluded.{c}"));

    /// <summary>Positional parameters <c>?1, ?2…</c> for SQLite's prepared statements.</summary>
    public static IEnumerable<string> Positions(int count) => Enumerable.Range(1, count).Select(i => "?" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
