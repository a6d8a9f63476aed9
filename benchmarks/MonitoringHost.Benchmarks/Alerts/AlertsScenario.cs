using System.Diagnostics;
using System.Globalization;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Runtime.Alerts;
using MonitoringHost.Runtime.Health;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Operations;

namespace MonitoringHost.Benchmarks.Alerts;

/// <summary>
/// Scenario run for the alert manager in memory, on one thread as the engine loop calls it (persistence is measured
/// with the store): over 10,000 services on 1,000 computers, (1) monitor alerts created from state changes
/// (Success → Error, the context item parsed and the message filled from it and from the object and its host),
/// (2) the same alerts auto-resolved (Error → Success), (3) rule alerts created (each request with new suppression
/// values), (4) rule alerts repeated (equal suppression values: RepeatCount + 1), (5) alerts updated one by one
/// (owner, resolution state and comment, with the expected version), (6) alerts closed by batch updates of 1,000 ids.
/// One batch per 1,000 calls, as a group commit would take them. Prints the median of five runs after a warm-up.
/// </summary>
public static class AlertsScenario
{
    private const int Computers = 1_000;
    private const int ServicesPerComputer = 10;
    private const int RuleRequests = 100_000;
    private const int PerBatch = 1_000;
    private static readonly ChangeAuthor Operator = new("benchmark", ChangeAuthorKind.User);

    public static int Run()
    {
        Console.WriteLine($"Alerts scenario ({Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC: {System.Runtime.GCSettings.IsServerGC})");
        var classes = BenchmarkPacks.Load(BenchmarkPacks.Pack("Benchmark.Alerts.xml"));
        var objects = Objects();
        var services = objects.Values.Where(o => o.ClassName == "Benchmark.Alerts.Service").Select(o => o.Id).ToArray();
        var figures = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        for (var run = 0; run <= 5; run++)
        {
            var manager = new AlertManager(classes, objects.GetValueOrDefault, _ => false, TimeProvider.System);
            var measured = RunOnce(manager, services);
            foreach (var (name, rate) in measured.Where(_ => run > 0))
            {
                (figures.TryGetValue(name, out var rates) ? rates : figures[name] = []).Add(rate);
            }
        }

        foreach (var (name, rates) in figures)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: median {Median(rates):N0}/s (runs: {string.Join(", ", rates.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))})"));
        }

        return 0;
    }

    private static List<(string Name, double Rate)> RunOnce(AlertManager manager, Guid[] services)
    {
        var figures = new List<(string, double)>();
        var time = DateTimeOffset.UtcNow;
        const string Context = """<DataItem type="System.TcpPortCheckData" time="2026-11-30T10:00:00.0000000Z" sourceHealthServiceId="00000000-0000-0000-0000-000000000000"><StatusCode>2147952461</StatusCode><ResponseTime>0</ResponseTime></DataItem>""";
        var failing = services.Select(id => new StateChange(id, "Benchmark.Alerts.Port.Monitor", HealthState.Success, HealthState.Error, time, Context)).ToArray();
        var healthy = services.Select(id => new StateChange(id, "Benchmark.Alerts.Port.Monitor", HealthState.Error, HealthState.Success, time, null)).ToArray();
        figures.Add(("(1) monitor alerts created from state changes", Measure(failing, (change, batch) => manager.OnStateChange(change, batch)!.Version == 1, batch => batch.CreatedAlerts.Count)));
        figures.Add(("(2) monitor alerts auto-resolved", Measure(healthy, (change, batch) => !manager.OnStateChange(change, batch)!.IsOpen, batch => batch.UpdatedAlerts.Count)));

        var requests = Enumerable.Range(0, RuleRequests)
            .Select(i => new AlertRequest("Benchmark.Alerts!Benchmark.Alerts.Rule", services[i % services.Length], "Tick", "Tick", 1, 2, [(i / services.Length).ToString(CultureInfo.InvariantCulture)], time) { HasSuppression = true })
            .ToArray();
        figures.Add(("(3) rule alerts created", Measure(requests, (request, batch) => manager.Raise(request, batch)!.RepeatCount == 0, batch => batch.CreatedAlerts.Count)));
        figures.Add(("(4) rule alerts repeated (suppressed)", Measure(requests, (request, batch) => manager.Raise(request, batch)!.RepeatCount == 1, batch => batch.UpdatedAlerts.Count)));

        var open = manager.OpenAlerts.Select(a => a.Id).ToArray();
        var patch = new AlertPatch { ResolutionState = 249, Owner = "ops", Comment = "acknowledged" };
        figures.Add(("(5) alert updates (PATCH with expected version)", Measure(open, (id, batch) => manager.Update(id, patch, Operator, batch, expectedVersion: 2).Version == 3, batch => batch.UpdatedAlerts.Count)));

        var chunks = open.Chunk(PerBatch).ToArray();
        var close = new AlertPatch { ResolutionState = Alert.Closed, Comment = "closed in bulk" };
        var watch = Stopwatch.StartNew();
        foreach (var chunk in chunks)
        {
            var result = manager.UpdateMany(chunk, close, Operator, new OperationsBatch());
            Check(result.Updated.Count == chunk.Length && result.Failures.Count == 0, "a batch update failed");
        }

        watch.Stop();
        Check(manager.OpenAlerts.Count == 0, "alerts are still open after closing them all");
        figures.Add(("(6) alerts closed by batch update (1,000 ids each), per alert", open.Length / watch.Elapsed.TotalSeconds));
        return figures;
    }

    /// <summary>Calls per second of <paramref name="call"/> over <paramref name="inputs"/>, a new batch every 1,000 calls.</summary>
    private static double Measure<T>(T[] inputs, Func<T, OperationsBatch, bool> call, Func<OperationsBatch, int> recorded)
    {
        var batch = new OperationsBatch();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < inputs.Length; i++)
        {
            if (i % PerBatch == 0)
            {
                Check(i == 0 || recorded(batch) == PerBatch, "a batch did not record every call");
                batch = new OperationsBatch();
            }

            Check(call(inputs[i], batch), "a call did not do what the scenario expects");
        }

        watch.Stop();
        return inputs.Length / watch.Elapsed.TotalSeconds;
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException(problem);
        }
    }

    private static Dictionary<Guid, MonitoringObject> Objects()
    {
        var now = DateTimeOffset.UtcNow;
        var objects = new Dictionary<Guid, MonitoringObject>();
        for (var c = 0; c < Computers; c++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"server{c:D4}.contoso.com");
            var computer = new MonitoringObject(Guid.CreateVersion7(), "Microsoft.Windows.Computer", name, name, null, ObjectProperties.From([new("PrincipalName", name)]), now, now);
            objects.Add(computer.Id, computer);
            for (var s = 0; s < ServicesPerComputer; s++)
            {
                var port = (8000 + s).ToString(CultureInfo.InvariantCulture);
                var service = new MonitoringObject(Guid.CreateVersion7(), "Benchmark.Alerts.Service", $"svc{s}", $"{name};svc{s}", computer.Id, ObjectProperties.From([new("Name", $"svc{s}"), new("Port", port)]), now, now);
                objects.Add(service.Id, service);
            }
        }

        return objects;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
