namespace MonitoringHost.Storage.Tests.Postgres;

public sealed class PostgresCredentialStoreTests() : CredentialStoreTests(StoreProvider.Postgres);
