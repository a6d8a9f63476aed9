using MonitoringHost.Discovery.Storage;
using MonitoringHost.Storage;
using MonitoringHost.Storage.Tests.Fixtures;

namespace MonitoringHost.Discovery.Tests.Instances;

/// <summary>The instance-space suite over a SQLite file.</summary>
public sealed class SqliteInstanceSpaceTests : InstanceSpaceSuite
{
    private TestStore? _location;

    protected override async Task<IInstanceStore> CreateStoreAsync()
    {
        _location = await TestStores.CreateAsync(StoreProvider.Sqlite);
        return _location.Store;
    }

    protected override async Task<IInstanceStore> ReopenStoreAsync(IInstanceStore store) => await _location!.ReopenAsync();

    protected override ValueTask DisposeStoreAsync() => _location?.DisposeAsync() ?? ValueTask.CompletedTask;
}

/// <summary>The instance-space suite over a PostgreSQL database of its own.</summary>
public sealed class PostgresInstanceSpaceTests : InstanceSpaceSuite
{
    private TestStore? _location;

    protected override async Task<IInstanceStore> CreateStoreAsync()
    {
        _location = await TestStores.CreateAsync(StoreProvider.Postgres);
        return _location.Store;
    }

    protected override async Task<IInstanceStore> ReopenStoreAsync(IInstanceStore store) => await _location!.ReopenAsync();

    protected override ValueTask DisposeStoreAsync() => _location?.DisposeAsync() ?? ValueTask.CompletedTask;
}
