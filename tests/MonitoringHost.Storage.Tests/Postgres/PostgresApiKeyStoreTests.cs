namespace MonitoringHost.Storage.Tests.Postgres;

public sealed class PostgresApiKeyStoreTests() : ApiKeyStoreTests(StoreProvider.Postgres);
