namespace MonitoringHost.Storage.Tests.Sqlite;

public sealed class SqliteConnectorStoreTests() : ConnectorStoreTests(StoreProvider.Sqlite);
