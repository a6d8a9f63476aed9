using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MonitoringHost.Storage;

/// <summary>
/// Checks <see cref="StoreOptions"/> before anything is opened. Connection strings are never echoed whole (they may
/// hold a password); the parser's complaint names the bad keyword instead.
/// </summary>
internal static class StoreOptionsValidator
{
    public static IReadOnlyList<string> Validate(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.BusyTimeout <= TimeSpan.Zero || options.BusyTimeout > TimeSpan.FromSeconds(int.MaxValue / 1000))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(StoreOptions.BusyTimeout)} must be positive and at most {int.MaxValue / 1000} s, was {options.BusyTimeout}."));
        }

        switch (options.Provider)
        {
            case StoreProvider.Sqlite:
                ValidateSqlite(options, problems);
                break;
            case StoreProvider.Postgres:
                ValidatePostgres(options, problems);
                break;
            default:
                problems.Add($"{nameof(StoreOptions.Provider)} must be {nameof(StoreProvider.Sqlite)} or {nameof(StoreProvider.Postgres)}, was {options.Provider}.");
                break;
        }

        return problems;
    }

    private static void ValidateSqlite(StoreOptions options, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            if (string.IsNullOrWhiteSpace(options.DataFolder))
            {
                problems.Add($"{nameof(StoreOptions.DataFolder)} is required when {nameof(StoreOptions.ConnectionString)} is not given, was '{options.DataFolder}'.");
            }
            else if (options.DataFolder.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            {
                problems.Add($"{nameof(StoreOptions.DataFolder)} contains characters that are not allowed in a path, was '{options.DataFolder}'.");
            }

            return;
        }

        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(options.ConnectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            problems.Add($"{nameof(StoreOptions.ConnectionString)} is not a valid SQLite connection string: {e.Message}");
            return;
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            problems.Add($"{nameof(StoreOptions.ConnectionString)} must name the SQLite file with Data Source, was empty.");
        }
        else if (builder.Mode == SqliteOpenMode.Memory || string.Equals(builder.DataSource, ":memory:", StringComparison.Ordinal))
        {
            problems.Add($"{nameof(StoreOptions.ConnectionString)} must name a SQLite file: the store has to survive a restart, was an in-memory database ('{builder.DataSource}').");
        }
        else if (builder.Mode == SqliteOpenMode.ReadOnly)
        {
            problems.Add($"{nameof(StoreOptions.ConnectionString)} must open the SQLite file for writing, was Mode={builder.Mode}.");
        }
    }

    private static void ValidatePostgres(StoreOptions options, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            problems.Add($"{nameof(StoreOptions.ConnectionString)} is required for {nameof(StoreOptions.Provider)} {nameof(StoreProvider.Postgres)}, was empty.");
            return;
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            problems.Add($"{nameof(StoreOptions.ConnectionString)} is not a valid PostgreSQL connection string: {e.Message}");
            return;
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            problems.Add($"{nameof(StoreOptions.ConnectionString)} must name the PostgreSQL server with Host, was empty.");
        }
    }
}
