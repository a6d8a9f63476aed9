namespace MonitoringHost.Storage.Tests.Postgres;

public sealed class PostgresConnectorStoreTests() : ConnectorStoreTests(StoreProvider.Postgres);
