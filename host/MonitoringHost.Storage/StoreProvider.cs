namespace MonitoringHost.Storage;

/// <summary>The database engine behind the operational store.</summary>
public enum StoreProvider
{
    /// <summary>One local file, zero setup: the default.</summary>
    Sqlite = 0,

    /// <summary>A shared PostgreSQL database, for several management servers in a resource pool.</summary>
    Postgres = 1,
}
