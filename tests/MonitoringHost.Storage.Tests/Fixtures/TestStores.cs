using Microsoft.Data.Sqlite;
using Npgsql;

namespace MonitoringHost.Storage.Tests.Fixtures;

/// <summary>
/// Fresh, empty stores for tests: SQLite in a file of its own temp folder; PostgreSQL as a database of its own
/// (<c>mh_test_…</c>) on the server named by <see cref="PostgresVariable"/>, which <c>test.sh</c> starts. Without
/// that server a PostgreSQL test is skipped locally and fails under <c>CI=true</c>: mark such tests
/// <c>[SkippableFact]</c>/<c>[SkippableTheory]</c>. Shared by every test project that runs a suite against both
/// providers, so it depends on nothing but the storage project and Xunit.SkippableFact.
/// </summary>
public static class TestStores
{
    /// <summary>The connection string of the PostgreSQL server tests may create databases on.</summary>
    public const string PostgresVariable = "MH_TEST_POSTGRES";

    /// <summary>The providers, for <c>[MemberData]</c>.</summary>
    public static TheoryData<StoreProvider> Providers => [StoreProvider.Sqlite, StoreProvider.Postgres];

    /// <summary>Creates an empty store location for <paramref name="provider"/> and opens a store on it.</summary>
    public static async Task<TestStore> CreateAsync(StoreProvider provider, CancellationToken cancellationToken = default)
    {
        var location = await CreateEmptyAsync(provider, cancellationToken);
        try
        {
            await location.ReopenAsync(cancellationToken);
            return location;
        }
        catch
        {
            await location.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates an empty store location for <paramref name="provider"/> without opening a store on it (no schema yet).</summary>
    public static async Task<TestStore> CreateEmptyAsync(StoreProvider provider, CancellationToken cancellationToken = default) =>
        provider == StoreProvider.Postgres ? await CreatePostgresDatabaseAsync(cancellationToken) : CreateSqliteFolder();

    /// <summary>
    /// The PostgreSQL server's connection string; skips the calling test when there is none, or fails it under CI,
    /// where a missing server means the run proves nothing.
    /// </summary>
    public static string RequirePostgres()
    {
        var connectionString = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        var reason = $"no PostgreSQL server: {PostgresVariable} is not set (test.sh starts one)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(reason + " (required under CI)");
        }

        Skip.If(true, reason);
        return connectionString!;
    }

    private static TestStore CreateSqliteFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mh-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var options = new StoreOptions { Provider = StoreProvider.Sqlite, DataFolder = folder };
        var file = Path.Combine(folder, StoreOptions.DefaultFileName);
        return new TestStore(
            options,
            () => new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString),
            () =>
            {
                Directory.Delete(folder, recursive: true);
                return Task.CompletedTask;
            });
    }

    private static async Task<TestStore> CreatePostgresDatabaseAsync(CancellationToken cancellationToken)
    {
        var server = RequirePostgres();
        var database = "mh_test_" + Guid.NewGuid().ToString("N");
        await ExecuteOnServerAsync(server, $"CREATE DATABASE {database}", cancellationToken);
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = false }.ConnectionString;
        var options = new StoreOptions
        {
            Provider = StoreProvider.Postgres,
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString,
        };
        return new TestStore(
            options,
            () => new NpgsqlConnection(connectionString),
            () => ExecuteOnServerAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)", CancellationToken.None));
    }

    private static async Task ExecuteOnServerAsync(string server, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
