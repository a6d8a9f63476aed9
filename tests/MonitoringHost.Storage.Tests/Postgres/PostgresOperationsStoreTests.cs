namespace MonitoringHost.Storage.Tests.Postgres;

public sealed class PostgresOperationsStoreTests() : OperationsStoreTests(StoreProvider.Postgres);
