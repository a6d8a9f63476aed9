namespace MonitoringHost.Storage.Tests.Sqlite;

public sealed class SqliteCredentialStoreTests() : CredentialStoreTests(StoreProvider.Sqlite);
