namespace MonitoringHost.Storage.Tests.Postgres;

public sealed class PostgresCollectedDataStoreTests() : CollectedDataStoreTests(StoreProvider.Postgres);
