using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace MonitoringHost.Storage.Sqlite;

/// <summary>The connector store in the SQLite file: ids as 16-byte BLOBs.</summary>
public sealed class SqliteConnectorStore : ConnectorStore
{
    private const int UniqueConstraintFailed = 2067;

    internal SqliteConnectorStore(SqliteInstanceStore store)
        : base(store, SqliteSql.Instance)
    {
    }

    private protected override object IdValue(Guid id) => id.ToByteArray();

    // The rows as one JSON text ([[hex id, first, last], …]): one parameter, not three per row (binding thousands of
    // named parameters costs SQLite time that grows with their square).
    private protected override string DeliveredRowsSource =>
        "SELECT @id, unhex(r.value ->> 0), r.value ->> 1, r.value ->> 2 FROM json_each(@rows) AS r WHERE true";

    private protected override string AlertsIn => "alert_id IN (SELECT unhex(value) FROM json_each(@alerts))";

    private protected override void BindAlerts(DbCommand command, IReadOnlyList<Guid> alerts) =>
        Add(command, "@alerts", "[" + string.Join(",", alerts.Select(a => "\"" + Convert.ToHexString(a.ToByteArray()) + "\"")) + "]");

    private protected override void BindDeliveredRows(DbCommand command, IReadOnlyList<(Guid Alert, long First, long Last)> rows) =>
        Add(command, "@rows", "[" + string.Join(",", rows.Select(r =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[\"{Convert.ToHexString(r.Alert.ToByteArray())}\",{r.First},{r.Last}]"))) + "]");

    private protected override bool IsNameTaken(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: UniqueConstraintFailed } e && e.Message.Contains("connectors.name", StringComparison.Ordinal);
}
