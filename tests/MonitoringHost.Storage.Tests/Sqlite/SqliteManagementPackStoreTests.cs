namespace MonitoringHost.Storage.Tests.Sqlite;

public sealed class SqliteManagementPackStoreTests() : ManagementPackStoreTests(StoreProvider.Sqlite);
