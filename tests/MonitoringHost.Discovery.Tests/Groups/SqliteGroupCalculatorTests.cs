using MonitoringHost.Storage;

namespace MonitoringHost.Discovery.Tests.Groups;

public sealed class SqliteGroupCalculatorTests() : GroupCalculatorSuite(StoreProvider.Sqlite);
