namespace MonitoringHost.Storage.Tests.Sqlite;

public sealed class SqliteOperationsStoreTests() : OperationsStoreTests(StoreProvider.Sqlite);
