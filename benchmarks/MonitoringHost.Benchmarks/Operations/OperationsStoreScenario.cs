using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Runtime.Alerts;
using MonitoringHost.Runtime.Health;
using MonitoringHost.Runtime.Operations;
using MonitoringHost.Storage;

namespace MonitoringHost.Benchmarks.Operations;

/// <summary>
/// Scenario run for the operations store over a real store: commits of batches of state changes (each with its
/// monitor state upsert and its feed row) of 100, 1,000 and 5,000 changes, and batches of alert creations and alert
/// updates (each update with its history entry and feed row). Prints state changes, alerts created and alerts updated
/// per second (median of three runs); run with <c>opstore [--postgres CONNECTION]</c>.
/// </summary>
public static class OperationsStoreScenario
{
    private const int Repeats = 3;
    private const int Objects = 20_000;
    private const int MonitorsPerObject = 5;
    private const int ChangesPerRun = 50_000;
    private const int AlertsPerRun = 20_000;
    private const int AlertBatch = 1_000;

    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Monitors = [.. Enumerable.Range(0, MonitorsPerObject).Select(m => $"Bench.App.Monitor{m}")];

    public static async Task<int> RunAsync(string[] args)
    {
        var scratch = new ScratchStores(args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault());
        try
        {
            Console.WriteLine($"Operations store scenario on {scratch.ProviderName} ({Environment.ProcessorCount} cores, .NET {Environment.Version})");
            await using var instances = await scratch.OpenAsync("opstore");
            var store = OperationsStore.For(instances);
            var objects = Enumerable.Range(0, Objects).Select(_ => Guid.NewGuid()).ToArray();
            var sequence = 0L;

            // Warm-up: the code compiled on first use, the tables' first pages.
            await CommitAllAsync(store, StateChanges(objects, 1_000, 5_000, ref sequence));
            foreach (var batchSize in new[] { 100, 1_000, 5_000 })
            {
                var rates = new List<double>();
                for (var run = 0; run < Repeats; run++)
                {
                    var batches = StateChanges(objects, batchSize, ChangesPerRun, ref sequence);
                    await instances.WhenIdleAsync();
                    var watch = Stopwatch.StartNew();
                    await CommitAllAsync(store, batches);
                    rates.Add(ChangesPerRun / watch.Elapsed.TotalSeconds);
                }

                Console.WriteLine(Rate($"state changes per second in batches of {batchSize:N0} (each: state change, monitor state upsert, feed row)", rates,
                    "target >= 20,000 on SQLite"));
            }

            var created = new List<double>();
            var updated = new List<double>();
            for (var run = 0; run < Repeats; run++)
            {
                var alerts = Enumerable.Range(0, AlertsPerRun).Select(i => NewAlert(objects[i % Objects], i)).ToList();
                await instances.WhenIdleAsync();
                var watch = Stopwatch.StartNew();
                foreach (var chunk in alerts.Chunk(AlertBatch))
                {
                    var batch = new OperationsBatch();
                    batch.CreatedAlerts.AddRange(chunk);
                    await store.CommitAsync(batch, CancellationToken.None);
                }

                created.Add(AlertsPerRun / watch.Elapsed.TotalSeconds);
                await instances.WhenIdleAsync();
                watch.Restart();
                foreach (var chunk in alerts.Chunk(AlertBatch))
                {
                    var batch = new OperationsBatch();
                    batch.UpdatedAlerts.AddRange(chunk.Select(Close));
                    await store.CommitAsync(batch, CancellationToken.None);
                }

                updated.Add(AlertsPerRun / watch.Elapsed.TotalSeconds);
            }

            Console.WriteLine(Rate($"alerts created per second in batches of {AlertBatch:N0} (each: alert row, feed row)", created, ""));
            Console.WriteLine(Rate($"alerts updated per second in batches of {AlertBatch:N0} (each: alert row, history entry, feed row)", updated, ""));
            var loaded = await store.LoadAsync(CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store now holds {loaded.States.Count:N0} monitor states and {loaded.OpenAlerts.Count:N0} open alerts"));
            return 0;
        }
        finally
        {
            await scratch.RemoveAsync();
        }
    }

    /// <summary><paramref name="total"/> state changes in batches, each monitor of each object flipping between Success and Error.</summary>
    private static List<OperationsBatch> StateChanges(Guid[] objects, int batchSize, int total, ref long sequence)
    {
        var batches = new List<OperationsBatch>(total / batchSize);
        for (var start = 0; start < total; start += batchSize)
        {
            var batch = new OperationsBatch();
            for (var i = 0; i < batchSize; i++)
            {
                var n = sequence++;
                var key = n % (Objects * MonitorsPerObject);
                var objectId = objects[key / MonitorsPerObject];
                var monitor = Monitors[key % MonitorsPerObject];
                var round = n / (Objects * MonitorsPerObject);
                var (old, now) = round % 2 == 0 ? (HealthState.Success, HealthState.Error) : (HealthState.Error, HealthState.Success);
                var time = T0.AddTicks(n * 10);
                batch.StateChanges.Add(new StateChange(objectId, monitor, old, now, time, "<DataItem type=\"System.PropertyBagData\"><Property Name=\"State\">Down</Property></DataItem>"));
                batch.States.Add(new MonitorStateRecord(objectId, monitor, now, now == HealthState.Error ? "Unhealthy" : "Healthy", time));
            }

            batches.Add(batch);
        }

        return batches;
    }

    private static async Task CommitAllAsync(OperationsStore store, List<OperationsBatch> batches)
    {
        foreach (var batch in batches)
        {
            await store.CommitAsync(batch, CancellationToken.None);
        }
    }

    private static Alert NewAlert(Guid objectId, int i) => new()
    {
        Id = Guid.NewGuid(),
        Name = "Application unavailable",
        Description = "The application on {0} stopped answering",
        Severity = 2,
        Priority = 1,
        MonitoringObjectId = objectId,
        MonitoringObjectDisplayName = "App",
        MonitoringObjectPath = "srv.bench.contoso.com",
        MonitoringClassId = "Bench.App",
        IsMonitorAlert = true,
        RuleOrMonitorId = $"Bench.App.AlertMonitor{i / Objects}",
        ProblemId = Guid.NewGuid(),
        Parameters = ["srv.bench.contoso.com"],
        Context = "<DataItem type=\"System.PropertyBagData\"><Property Name=\"State\">Down</Property></DataItem>",
        TimeRaised = T0,
        TimeAdded = T0,
        LastModified = T0,
        LastModifiedBy = "System",
    };

    private static (Alert, AlertHistoryEntry) Close(Alert alert)
    {
        var closed = alert with { ResolutionState = Alert.Closed, TimeResolved = T0.AddMinutes(5), ResolvedBy = "System", LastModified = T0.AddMinutes(5), Version = 2 };
        var changes = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("resolutionState", new FieldChange("0", "255"))]);
        return (closed, new AlertHistoryEntry(alert.Id, 2, closed.LastModified, ChangeAuthor.System, changes, "auto-resolved"));
    }

    private static string Rate(string what, List<double> perSecond, string target)
    {
        var median = perSecond.Order().ToList()[perSecond.Count / 2];
        return string.Create(CultureInfo.InvariantCulture,
            $"{what}: median {median:N0}/s (runs: {string.Join(", ", perSecond.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))}){(target.Length > 0 ? $"; {target}" : "")}");
    }
}
