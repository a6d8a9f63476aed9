using System.Data.Common;
using System.Globalization;
using MonitoringHost.Storage.Postgres;
using MonitoringHost.Storage.Sqlite;

namespace MonitoringHost.Storage;

/// <summary>
/// The connectors registered through the API (table of <c>0007_connectors.sql</c>), through the instance store's
/// connections and clock. Registering is idempotent by id: the same id again describes the same connector anew.
/// </summary>
public abstract partial class ConnectorStore : CompanionStore
{
    private protected ConnectorStore(InstanceStore owner, InstanceStoreSql sql)
        : base(owner, sql)
    {
    }

    /// <summary>The connector store of <paramref name="store"/>'s database (its schema already brought up to date).</summary>
    public static ConnectorStore For(InstanceStore store) =>
        For<ConnectorStore>(store, sqlite => new SqliteConnectorStore(sqlite), postgres => new PostgresConnectorStore(postgres));

    /// <summary>
    /// Adds the connector, enabled, or, when its id is registered already, writes its name and description (keeping
    /// whether it is enabled and when and by whom it was registered). Returns it as stored and whether it is new.
    /// </summary>
    /// <exception cref="ConnectorNameTakenException">Another connector has the name; nothing changed.</exception>
    public async Task<(StoredConnector Connector, bool Created)> RegisterAsync(ConnectorDefinition registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentException.ThrowIfNullOrWhiteSpace(registration.Name);
        ArgumentException.ThrowIfNullOrWhiteSpace(registration.DisplayName);
        ArgumentException.ThrowIfNullOrWhiteSpace(registration.RegisteredBy);
        var now = Sql.TimeValue(Time.GetUtcNow());
        void Bind(DbCommand c)
        {
            Add(c, "@id", IdValue(registration.Id));
            Add(c, "@name", registration.Name);
            Add(c, "@display_name", registration.DisplayName);
            Add(c, "@description", registration.Description);
            Add(c, "@owns_discovery_data", registration.OwnsDiscoveryData);
            Add(c, "@enabled", true);
            Add(c, "@now", now);
            Add(c, "@by", registration.RegisteredBy);
        }

        int[] counts;
        try
        {
            counts = await ExecuteAsync(cancellationToken, (ConnectorStoreSql.Insert, Bind), (ConnectorStoreSql.Describe, Bind)).ConfigureAwait(false);
        }
        catch (DbException e) when (IsNameTaken(e))
        {
            throw new ConnectorNameTakenException(registration.Name, e);
        }

        var stored = await GetAsync(registration.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"connector {registration.Id} was deleted while it was registered");
        return (stored, counts[0] == 1);
    }

    /// <summary>The connector <paramref name="id"/>, or null when none has it.</summary>
    public async Task<StoredConnector?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        (await ReadAsync(ConnectorStoreSql.SelectOne, c => Add(c, "@id", IdValue(id)), Read, cancellationToken).ConfigureAwait(false)) is [var one] ? one : null;

    /// <summary>Every connector, by name.</summary>
    public Task<IReadOnlyList<StoredConnector>> ListAsync(CancellationToken cancellationToken) =>
        ReadAsync(ConnectorStoreSql.SelectAll, _ => { }, Read, cancellationToken);

    /// <summary>Enables or disables the connector <paramref name="id"/>; returns it as stored, or null when none has the id.</summary>
    public Task<StoredConnector?> SetEnabledAsync(Guid id, bool enabled, CancellationToken cancellationToken) =>
        UpdateOneAsync(ConnectorStoreSql.SetEnabled, id, c => Add(c, "@enabled", enabled), cancellationToken);

    /// <summary>Deletes the connector <paramref name="id"/>; false when none has the id.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        (await ExecuteAsync(
            cancellationToken,
            (ConnectorStoreSql.DeleteForwarding, c => Add(c, "@id", IdValue(id))),
            (ConnectorStoreSql.Delete, c => Add(c, "@id", IdValue(id)))).ConfigureAwait(false))[1] > 0;

    /// <summary>Whether <paramref name="exception"/> is the unique constraint on connector names refusing a row.</summary>
    private protected abstract bool IsNameTaken(DbException exception);

    private StoredConnector Read(DbDataReader r) => new(
        Sql.ReadGuid(r, 0),
        r.GetString(1),
        r.GetString(2),
        Text(r, 3),
        Convert.ToBoolean(r.GetValue(4), CultureInfo.InvariantCulture),
        Convert.ToBoolean(r.GetValue(5), CultureInfo.InvariantCulture),
        Sql.ReadTime(r, 6),
        r.GetString(7),
        Sql.ReadTime(r, 8),
        new ConnectorDelivery(
            Text(r, 9),
            Convert.ToBoolean(r.GetValue(10), CultureInfo.InvariantCulture),
            r.GetInt64(11),
            Text(r, 12),
            r.IsDBNull(13) ? null : (byte[])r.GetValue(13),
            r.GetInt32(14),
            Text(r, 15),
            r.IsDBNull(16) ? null : Sql.ReadTime(r, 16),
            r.IsDBNull(17) ? null : Sql.ReadTime(r, 17)));
}
