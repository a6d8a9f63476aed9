namespace MonitoringHost.Storage.Tests.Postgres;

public sealed class PostgresManagementPackStoreTests() : ManagementPackStoreTests(StoreProvider.Postgres);
