namespace MonitoringHost.Storage.Tests.Sqlite;

public sealed class SqliteApiKeyStoreTests() : ApiKeyStoreTests(StoreProvider.Sqlite);
