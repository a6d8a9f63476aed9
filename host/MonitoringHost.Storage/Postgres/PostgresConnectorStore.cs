using System.Data.Common;
using Npgsql;

namespace MonitoringHost.Storage.Postgres;

/// <summary>The connector store in the PostgreSQL database: <c>uuid</c> ids.</summary>
public sealed class PostgresConnectorStore : ConnectorStore
{
    private const string UniqueViolation = "23505";

    internal PostgresConnectorStore(PostgresInstanceStore store)
        : base(store, PostgresSql.Instance)
    {
    }

    private protected override object IdValue(Guid id) => id;

    private protected override string DeliveredRowsSource => "SELECT @id, r.a, r.f, r.d FROM unnest(@alerts, @firsts, @lasts) AS r(a, f, d)";

    private protected override string AlertsIn => "alert_id = ANY(@alerts)";

    private protected override void BindAlerts(DbCommand command, IReadOnlyList<Guid> alerts) => Add(command, "@alerts", alerts.ToArray());

    private protected override void BindDeliveredRows(DbCommand command, IReadOnlyList<(Guid Alert, long First, long Last)> rows)
    {
        Add(command, "@alerts", rows.Select(r => r.Alert).ToArray());
        Add(command, "@firsts", rows.Select(r => r.First).ToArray());
        Add(command, "@lasts", rows.Select(r => r.Last).ToArray());
    }

    private protected override bool IsNameTaken(DbException exception) =>
        exception is PostgresException { SqlState: UniqueViolation, ConstraintName: "connectors_name" };
}
