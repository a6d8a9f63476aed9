using MonitoringHost.Storage;

namespace MonitoringHost.Discovery.Tests.Groups;

public sealed class PostgresGroupCalculatorTests() : GroupCalculatorSuite(StoreProvider.Postgres);
