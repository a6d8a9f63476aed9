using MonitoringHost.Storage;

namespace MonitoringHost.Benchmarks;

/// <summary>
/// Fresh stores for scenario runs: a SQLite file in a new temp folder, or a new database on the PostgreSQL server
/// given; every one made is removed by <see cref="RemoveAsync"/> when the scenario ends.
/// </summary>
internal sealed class ScratchStores(string? postgres)
{
    private readonly List<string> _folders = [];
    private readonly List<string> _databases = [];

    public string ProviderName => postgres is null ? "SQLite" : "PostgreSQL";

    /// <summary>Opens an empty store named after <paramref name="name"/> (unique within the scenario).</summary>
    public async Task<InstanceStore> OpenAsync(string name) =>
        await InstanceStoreFactory.OpenAsync(await CreateAsync(name), CancellationToken.None);

    /// <summary>Makes an empty store named after <paramref name="name"/> (unique within the scenario) and says how to open it.</summary>
    public async Task<StoreOptions> CreateAsync(string name)
    {
        if (postgres is null)
        {
            var folder = Path.Combine(Path.GetTempPath(), $"mh-bench-{Environment.ProcessId}-{name}");
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.CreateDirectory(folder);
            _folders.Add(folder);
            return new StoreOptions { Provider = StoreProvider.Sqlite, DataFolder = folder };
        }

        var database = $"mh_bench_{Environment.ProcessId}_{name}";
        await using (var admin = new Npgsql.NpgsqlConnection(postgres))
        {
            await admin.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS {database}", admin);
            await drop.ExecuteNonQueryAsync();
            await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        _databases.Add(database);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = database };
        return new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = builder.ConnectionString };
    }

    public async Task RemoveAsync()
    {
        foreach (var folder in _folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }

        if (postgres is not null && _databases.Count > 0)
        {
            await using var admin = new Npgsql.NpgsqlConnection(postgres);
            await admin.OpenAsync();
            foreach (var database in _databases)
            {
                await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }
}
