namespace MonitoringHost.Storage;

/// <summary>
/// Where the operational store lives. With <see cref="StoreProvider.Sqlite"/> and no connection string the store is
/// the file <see cref="DefaultFileName"/> in <see cref="DataFolder"/>; PostgreSQL always needs a connection string.
/// </summary>
public sealed class StoreOptions
{
    /// <summary>The SQLite file used when no connection string is given.</summary>
    public const string DefaultFileName = "monitoringhost.db";

    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>
    /// An ADO.NET connection string for the provider (<c>Data Source=…</c> for SQLite, <c>Host=…;Database=…</c> for
    /// PostgreSQL). Optional for SQLite.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The folder holding the default SQLite file; created when missing.</summary>
    public string DataFolder { get; set; } = DefaultDataFolder;

    /// <summary>
    /// How long a command may wait for a lock held by another writer before it fails (SQLite's busy timeout;
    /// PostgreSQL's command timeout unless the connection string sets one).
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The per-user application data folder: <c>~/.local/share/MonitoringHost</c> on Linux.</summary>
    public static string DefaultDataFolder =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "MonitoringHost");

    /// <summary>Every problem with these options, each naming the option and its bad value; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate() => StoreOptionsValidator.Validate(this);
}
