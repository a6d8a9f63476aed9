using System.Globalization;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.SelfMonitoring;

/// <summary>
/// <c>MonitoringHost.ManagementServer.StatusProbe</c>: on each trigger, reads the server's figures and emits them as
/// one property bag, rates taken over the time since this probe's previous run (since the start for the first):
/// <list type="bullet">
/// <item><c>StoreUnreachable</c> 1 when the store could not be read (<c>StoreError</c> says why), else 0;
/// <c>StoreSizeBytes</c>.</item>
/// <item><c>RunsInProgress</c>, <c>RunCapacity</c> and <c>BacklogPercent</c> (the first over the second, in percent).</item>
/// <item><c>LagSeconds</c>: how late, on average, the runs started in the interval began after they fell due.</item>
/// <item><c>CommitFailing</c> 1 while the operations loop retries a failed commit (<c>CommitFailure</c> says why);
/// <c>CommittedBatches</c> in the interval.</item>
/// <item><c>Runs</c>, <c>FailedRuns</c> and <c>ProbeFailurePercent</c>: runs that ended with a module's failure or a
/// timeout over all runs that ended in the interval.</item>
/// </list>
/// It keeps the previous counters, so it is never shared between workflow instances.
/// </summary>
public sealed class ServerStatusProbe(IServerSelfStatus status) : ModuleInstance
{
    private readonly Lock _lock = new();
    private ServerStatus _previous = new();

    public override async ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var now = await status.ReadAsync(cancellationToken).ConfigureAwait(false);
        ServerStatus before;
        lock (_lock)
        {
            before = _previous;
            _previous = now;
        }

        output.Emit(new PropertyBagData(input.Time, Figures(before, now)));
    }

    /// <summary>The property bag's values for the interval from <paramref name="before"/> to <paramref name="now"/>.</summary>
    public static Dictionary<string, string> Figures(ServerStatus before, ServerStatus now)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(now);
        var started = now.RunsStarted - before.RunsStarted;
        var failed = now.RunsFailed - before.RunsFailed;
        var lag = started > 0 ? (now.StartLagTotal - before.StartLagTotal).TotalSeconds / started : 0;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["StoreUnreachable"] = now.StoreError is null ? "0" : "1",
            ["StoreError"] = now.StoreError ?? "",
            ["StoreSizeBytes"] = Text(now.StoreSizeBytes),
            ["RunsInProgress"] = Text(now.RunsInProgress),
            ["RunCapacity"] = Text(now.RunCapacity),
            ["BacklogPercent"] = Text(Percent(now.RunsInProgress, now.RunCapacity)),
            ["LagSeconds"] = Text(Math.Round(lag, 3)),
            ["CommitFailing"] = now.CommitFailure is null ? "0" : "1",
            ["CommitFailure"] = now.CommitFailure ?? "",
            ["CommittedBatches"] = Text(now.CommittedBatches - before.CommittedBatches),
            ["Runs"] = Text(started),
            ["FailedRuns"] = Text(failed),
            ["ProbeFailurePercent"] = Text(Percent(failed, started)),
        };
    }

    private static double Percent(long part, long whole) => whole > 0 ? Math.Round(100.0 * Math.Min(part, whole) / whole, 2) : 0;

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Makes <see cref="ServerStatusProbe"/>s; a host without a server status cannot run them.</summary>
    public sealed class Factory : NativeModuleFactory
    {
        public const string Id = "MonitoringHost.ManagementServer.StatusProbe";

        public override string TypeId => Id;

        public override ModuleInstance Create(ModuleSetup setup)
        {
            ArgumentNullException.ThrowIfNull(setup);
            return new ServerStatusProbe(setup.Services.SelfStatus
                ?? throw setup.Configuration.Problem("(host)", "has no management server status to read: this module runs only inside a management server"));
        }
    }
}
