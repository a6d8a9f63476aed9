using MonitoringHost.Storage.Tests.Fixtures;

namespace MonitoringHost.Storage.Tests.Sqlite;

public sealed class SqliteInstanceStoreTests() : InstanceStoreTests(StoreProvider.Sqlite)
{
    [Fact]
    public async Task Open_PutsTheFileInWriteAheadLogMode_WithFullSync()
    {
        await using var test = await TestStores.CreateAsync(StoreProvider.Sqlite);

        (await test.QueryScalarAsync("PRAGMA journal_mode")).Should().Be("wal");
        await using var session = await test.Store.OpenSessionAsync(default);
        await using var command = session.CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        (await command.ExecuteScalarAsync()).Should().Be(2L, "2 is FULL: the WAL is synced at every commit");
        command.CommandText = "PRAGMA busy_timeout";
        (await command.ExecuteScalarAsync()).Should().Be(30_000L);
        command.CommandText = "PRAGMA wal_autocheckpoint";
        (await command.ExecuteScalarAsync()).Should().Be(0L, "the store checkpoints beside commits, not inside them");
    }

    [Fact]
    public async Task Open_DefaultOptions_CreateTheFileInTheDataFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mh-test-" + Guid.NewGuid().ToString("N"), "nested", "data");
        try
        {
            await using (var store = await InstanceStoreFactory.OpenAsync(new StoreOptions { DataFolder = folder }, default))
            {
                store.Should().BeOfType<Storage.Sqlite.SqliteInstanceStore>().Which.FilePath.Should().Be(Path.Combine(folder, StoreOptions.DefaultFileName));
            }

            File.Exists(Path.Combine(folder, StoreOptions.DefaultFileName)).Should().BeTrue();
        }
        finally
        {
            Directory.Delete(Path.GetFullPath(Path.Combine(folder, "..", "..")), recursive: true);
        }
    }
}
