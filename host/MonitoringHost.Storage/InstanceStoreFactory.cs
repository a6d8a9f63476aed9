using MonitoringHost.Storage.Postgres;
using MonitoringHost.Storage.Sqlite;

namespace MonitoringHost.Storage;

/// <summary>Opens the configured store: validates the options, connects, applies missing schema scripts.</summary>
public static class InstanceStoreFactory
{
    /// <summary>
    /// Opens the store <paramref name="options"/> describe, bringing its schema up to date. Throws
    /// <see cref="StoreOptionsException"/> listing every problem when the options are not usable.
    /// </summary>
    public static Task<InstanceStore> OpenAsync(StoreOptions options, CancellationToken cancellationToken) =>
        OpenAsync(options, TimeProvider.System, cancellationToken);

    /// <inheritdoc cref="OpenAsync(StoreOptions, CancellationToken)"/>
    /// <param name="time">The clock for the times the store records itself (when a schema script was applied).</param>
    public static async Task<InstanceStore> OpenAsync(StoreOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new StoreOptionsException(problems);
        }

        return options.Provider == StoreProvider.Postgres
            ? await PostgresInstanceStore.OpenAsync(options, time, cancellationToken).ConfigureAwait(false)
            : await SqliteInstanceStore.OpenAsync(options, time, cancellationToken).ConfigureAwait(false);
    }
}
