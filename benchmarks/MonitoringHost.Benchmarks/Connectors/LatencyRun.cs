using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using MonitoringHost.Sdk;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Server;

namespace MonitoringHost.Benchmarks.Connectors;

/// <summary>
/// The time from a monitor's state change to a connector having the alert, durable commit included. One client sends
/// performance samples (<c>POST /api/v1/objects/{id}/performance</c>, one after another, each answered once what it
/// raised is committed) over and under the monitor's threshold: in each round every virtual machine goes over (its
/// alert is created), then every one goes under (its alert is closed). For each alert created: the time from sending
/// the sample to the consumer having the change (a webhook receiver, or a client long-polling
/// <c>GET /connectors/{id}/alerts?wait=30</c>), split at the moment the server's process saw the commit
/// (<see cref="CommitClock"/>). A warm-up round comes first and is left out.
/// </summary>
internal static class LatencyRun
{
    private const int Rounds = 5;
    private const int WarmupRounds = 1;
    private const string Secret = "benchmark-webhook-secret";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>A sample sent: to which virtual machine, over the threshold or under, when it was sent and answered.</summary>
    private sealed record Flip(Guid Machine, bool Over, DateTime Sent, DateTime Answered);

    private static int _runs;

    /// <summary>Measures the webhook, then the long-polling client; <paramref name="label"/> says in what state the server is.</summary>
    public static async Task RunAsync(ManagementServer server, MonitoringHostClient admin, Uri url, string operatorKey, Guid[] machines, string label)
    {
        var run = ++_runs;
        using var samples = ConnectorsScenario.Http(url, operatorKey, 1);

        // Every monitor starts healthy: from Uninitialized to Success raises nothing.
        foreach (var machine in machines)
        {
            await SendAsync(samples, machine, over: false);
        }

        await using var clock = await CommitClock.StartAsync(server.Store);
        await using (var receiver = new BenchmarkReceiver(Secret))
        {
            await receiver.StartAsync();
            var pushed = await ConnectorsScenario.ConnectorAsync(admin, url, $"Benchmark.Webhook.{run}", new ConnectorSubscription());
            await pushed.Client.SetConnectorWebhookAsync(pushed.Id, new ConnectorWebhook(receiver.Url, Secret));
            await MeasureAsync($"webhook, {label}", samples, machines, receiver.Arrivals, clock);
            await pushed.Client.RemoveConnectorWebhookAsync(pushed.Id);
            Dispose(pushed);
        }

        var pulled = await ConnectorsScenario.ConnectorAsync(admin, url, $"Benchmark.LongPoll.{run}", new ConnectorSubscription());
        var arrivals = new Arrivals();
        var acks = new List<double>();
        using var stop = new CancellationTokenSource();
        var polling = PollAsync(pulled, arrivals, acks, stop.Token);
        await MeasureAsync($"long-polling pull (wait=30), {label}", samples, machines, arrivals, clock);
        await stop.CancelAsync();
        await polling;
        Console.WriteLine($"  the long-polling client's {acks.Count} acknowledgements (warm-up included): {Percentiles.Describe(acks)}");
        Dispose(pulled);
    }

    private static void Dispose(ConnectorsScenario.RegisteredConnector connector)
    {
        connector.Http.Dispose();
        connector.Client.Dispose();
    }

    private static async Task MeasureAsync(string consumer, HttpClient samples, Guid[] machines, Arrivals arrivals, CommitClock clock)
    {
        await FlipAsync(samples, machines, WarmupRounds, pace: null);
        await arrivals.WaitForAsync(2 * machines.Length * WarmupRounds, Patience);
        _ = arrivals.Take();
        foreach (var paced in new[] { false, true })
        {
            var gc = GcWindow.Start();
            var started = DateTime.UtcNow;
            var flips = await FlipAsync(samples, machines, Rounds, paced ? arrivals : null);
            var seconds = (DateTime.UtcNow - started).TotalSeconds;
            await arrivals.WaitForAsync(2 * machines.Length * Rounds, Patience);
            var (got, batches) = arrivals.Take();
            await clock.SettleAsync();

            var created = Match(flips.Where(f => f.Over), got.Where(a => a.Change == "alert.created"), clock);
            var closed = Match(flips.Where(f => !f.Over), got.Where(a => a.Change == "alert.updated" && a.ResolutionState == 255), clock);
            if (got.Count != created.Count + closed.Count)
            {
                throw new InvalidOperationException($"{consumer}: {got.Count} changes received; {created.Count} creations and {closed.Count} closings were expected");
            }

            var how = paced ? "each sent once the consumer has the change before" : "sent one after another";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"latency, {consumer}: {created.Count} alerts created by {flips.Count:N0} samples {how} ({flips.Count / seconds:N0}/s, {machines.Length} virtual machines); sample sent -> consumer has the alert: {Percentiles.Describe(created.Select(m => m.Total).ToList())} (target p99 <= 100 ms)"));
            Console.WriteLine($"  split: sent -> committed {Percentiles.Describe(created.Select(m => m.ToCommit).ToList())}; committed -> consumer {Percentiles.Describe(created.Select(m => m.FromCommit).ToList())}; sample POST answered {Percentiles.Describe(created.Select(m => m.Answered).ToList())}");
            Console.WriteLine($"  {closed.Count} alerts closed: sample sent -> consumer has the change {Percentiles.Describe(closed.Select(m => m.Total).ToList())}; {gc.Since()}");
            var gaps = batches.Zip(batches.Skip(1), (a, b) => (b.Received - a.Received).TotalMilliseconds).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {batches.Count} batches with changes, {batches.Max(b => b.Items)} changes at most; time between batches {Percentiles.Describe(gaps)}"));
        }
    }

    /// <summary>The latencies of one change, in milliseconds.</summary>
    private sealed record Measured(double Total, double ToCommit, double FromCommit, double Answered);

    /// <summary>
    /// Pairs, per virtual machine, the n-th sample with the n-th change received (in feed order); every sample must
    /// have its change.
    /// </summary>
    private static List<Measured> Match(IEnumerable<Flip> flips, IEnumerable<Arrival> arrivals, CommitClock clock)
    {
        var sent = flips.ToLookup(f => f.Machine);
        var received = arrivals.ToLookup(a => a.ObjectId);
        var measured = new List<Measured>();
        foreach (var machine in sent)
        {
            var changes = received[machine.Key].OrderBy(a => a.Sequence).ToList();
            if (changes.Count != machine.Count())
            {
                throw new InvalidOperationException($"{machine.Count()} samples went to {machine.Key} and {changes.Count} changes of its alerts were received");
            }

            measured.AddRange(machine.OrderBy(f => f.Sent).Zip(changes, (flip, change) => new Measured(
                (change.Received - flip.Sent).TotalMilliseconds,
                (clock[change.Sequence] - flip.Sent).TotalMilliseconds,
                (change.Received - clock[change.Sequence]).TotalMilliseconds,
                (flip.Answered - flip.Sent).TotalMilliseconds)));
        }

        return measured;
    }

    /// <summary>
    /// Sends <paramref name="rounds"/> rounds: every virtual machine over the threshold, then every one under; with
    /// <paramref name="pace"/>, each sample only once the consumer has the change the one before made.
    /// </summary>
    private static async Task<List<Flip>> FlipAsync(HttpClient samples, Guid[] machines, int rounds, Arrivals? pace)
    {
        var flips = new List<Flip>(2 * rounds * machines.Length);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var over in new[] { true, false })
            {
                foreach (var machine in machines)
                {
                    flips.Add(await SendAsync(samples, machine, over));
                    if (pace is not null)
                    {
                        await pace.WaitForAsync(flips.Count, Patience);
                    }
                }
            }
        }

        return flips;
    }

    private static async Task<Flip> SendAsync(HttpClient samples, Guid machine, bool over)
    {
        var body = $$"""[ { "objectName": "Processor", "counterName": "% Processor Time", "instanceName": "_Total", "value": {{(over ? "97.5" : "12.5")}} } ]""";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var sent = DateTime.UtcNow;
        using var response = await samples.PostAsync(new Uri($"/api/v1/objects/{machine}/performance", UriKind.Relative), content);
        var answered = DateTime.UtcNow;
        var text = await response.Content.ReadAsStringAsync();
        using var inserted = response.StatusCode == HttpStatusCode.OK ? JsonDocument.Parse(text) : null;
        return inserted?.RootElement.GetProperty("workflowRuns").GetInt32() == 1
            ? new Flip(machine, over, sent, answered)
            : throw new InvalidOperationException($"POST /objects/{machine}/performance answered {(int)response.StatusCode}: {text}");
    }

    /// <summary>
    /// A connector's client long-polling for its batches (<c>wait=30</c>), recording each change when its page was
    /// read and parsed, and acknowledging each page with changes; until <paramref name="stop"/>.
    /// </summary>
    private static async Task PollAsync(ConnectorsScenario.RegisteredConnector connector, Arrivals arrivals, List<double> acks, CancellationToken stop)
    {
        string? cursor = null;
        try
        {
            while (true)
            {
                var path = $"/api/v1/connectors/{connector.Id}/alerts?wait=30&limit=5000" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
                using var response = await connector.Http.GetAsync(new Uri(path, UriKind.Relative), stop);
                var bytes = await response.Content.ReadAsByteArrayAsync(stop);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
                }

                using var page = JsonDocument.Parse(bytes);
                var received = DateTime.UtcNow;
                var items = page.RootElement.GetProperty("items");
                arrivals.Add(items, received);
                cursor = page.RootElement.GetProperty("cursor").GetString()!;
                if (items.GetArrayLength() > 0)
                {
                    var started = Stopwatch.GetTimestamp();
                    await connector.Client.AcknowledgeConnectorAlertsAsync(connector.Id, cursor, stop);
                    acks.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over: the pending long poll was cancelled.
        }
    }
}
