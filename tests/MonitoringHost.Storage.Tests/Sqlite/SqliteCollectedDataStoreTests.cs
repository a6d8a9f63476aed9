namespace MonitoringHost.Storage.Tests.Sqlite;

public sealed class SqliteCollectedDataStoreTests() : CollectedDataStoreTests(StoreProvider.Sqlite);
