namespace MonitoringHost.Storage.Tests.Postgres;

public sealed class PostgresInstanceStoreTests() : InstanceStoreTests(StoreProvider.Postgres);
