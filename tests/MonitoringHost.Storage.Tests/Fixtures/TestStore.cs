using System.Data.Common;

namespace MonitoringHost.Storage.Tests.Fixtures;

/// <summary>
/// One test's store location (a SQLite file or a PostgreSQL database) and the store open on it. Disposing closes
/// every store opened here and deletes the location. Create with <see cref="TestStores.CreateAsync"/>.
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly Func<DbConnection> _connect;
    private readonly Func<Task> _delete;
    private readonly List<InstanceStore> _opened = [];
    private InstanceStore? _store;

    internal TestStore(StoreOptions options, Func<DbConnection> connect, Func<Task> delete)
    {
        Options = options;
        _connect = connect;
        _delete = delete;
    }

    public StoreProvider Provider => Options.Provider;

    /// <summary>What <see cref="InstanceStoreFactory.OpenAsync"/> is given; open more stores on the same location with it.</summary>
    public StoreOptions Options { get; }

    /// <summary>The store most recently opened by <see cref="ReopenAsync"/>.</summary>
    public InstanceStore Store => _store ?? throw new InvalidOperationException("the store is closed");

    /// <summary>A restart: closes the current store (as a stopping host would) and opens the location again.</summary>
    public async Task<InstanceStore> ReopenAsync(CancellationToken cancellationToken = default)
    {
        await CloseAsync();
        _store = await OpenAnotherAsync(cancellationToken);
        return _store;
    }

    /// <summary>Closes the current store without opening another.</summary>
    public async Task CloseAsync()
    {
        if (_store is not null)
        {
            _opened.Remove(_store);
            await _store.DisposeAsync();
            _store = null;
        }
    }

    /// <summary>A second store on the same location, as another host process would open it; closed with this one.</summary>
    public Task<InstanceStore> OpenAnotherAsync(CancellationToken cancellationToken = default) => OpenAnotherAsync(TimeProvider.System, cancellationToken);

    /// <summary>A second store on the same location whose own times come from <paramref name="time"/>; closed with this one.</summary>
    public async Task<InstanceStore> OpenAnotherAsync(TimeProvider time, CancellationToken cancellationToken = default)
    {
        var store = await InstanceStoreFactory.OpenAsync(Options, time, cancellationToken);
        _opened.Add(store);
        return store;
    }

    /// <summary>Runs SQL on the location directly, outside any store (to inspect or tamper with the schema).</summary>
    public async Task<object?> QueryScalarAsync(string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = _connect();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    /// <summary>An open connection to the location, outside any store (to hold a lock the store must wait for).</summary>
    public async Task<DbConnection> ConnectAsync(CancellationToken cancellationToken = default)
    {
        var connection = _connect();
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        _opened.Clear();
        _store = null;
        await _delete();
    }
}
