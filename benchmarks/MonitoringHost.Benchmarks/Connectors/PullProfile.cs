using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MonitoringHost.Sdk;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Server;
using MonitoringHost.Storage;

namespace MonitoringHost.Benchmarks.Connectors;

/// <summary>
/// Where the time of one pulled page goes: the store calls a <c>GET /connectors/{id}/alerts</c> and its
/// <c>POST .../ack</c> make, called in this process on a page of 5,000 alert creations of the bulk (a connector
/// registered for the purpose receives the hand-out and the acknowledgement), and the JSON of a page of 5,000 written
/// and read as the server and a client do. Each step is timed by itself (median of three).
/// </summary>
internal static class PullProfile
{
    private const int Page = 5_000;
    private const int FeedPage = 2_000;

    public static async Task RunAsync(ManagementServer server, MonitoringHostClient admin, Uri url, long firstSequence, ConnectorAlertPage sample)
    {
        var connectors = ConnectorStore.For(server.Store);
        var steps = new Dictionary<string, List<double>>();
        var megabytes = 0.0;
        for (var run = 0; run < 3; run++)
        {
            var connector = await ConnectorsScenario.ConnectorAsync(admin, url, $"Benchmark.Profile.{run}", new ConnectorSubscription());
            var after = firstSequence - 1 + run * Page;
            var entries = new List<Discovery.Storage.ChangeFeedEntry>(Page);
            await TimeAsync(steps, "feed read", async () =>
            {
                while (entries.Count < Page)
                {
                    var read = await server.Store.ReadFeedAsync(entries.Count == 0 ? after : entries[^1].Sequence, Math.Min(FeedPage, Page - entries.Count), CancellationToken.None);
                    entries.AddRange(read);
                }
            });
            var changes = new List<AlertFeedChange>(Page);
            Time(steps, "decode (AlertFeedChange.From)", () => changes.AddRange(entries.Select(e => AlertFeedChange.From(e)!)));
            Time(steps, "hand-out (in memory)", () => server.HandOuts.Record(connector.Id, changes.Select(c => (c.Alert.Id, c.Sequence))));
            var others = changes.Select(_ => Guid.NewGuid()).Concat(changes.Select(_ => Guid.NewGuid())).ToList();
            await TimeAsync(steps, "forwarded-before lookup of the 10,000 non-matching alerts of a 1-in-3 page", () => connectors.ForwardedAsync(connector.Id, others, CancellationToken.None));
            await TimeAsync(steps, "feed head", () => connectors.FeedHeadAsync(CancellationToken.None));
            await TimeAsync(steps, "ack (cursor + delivered upsert)", () => connectors.AcknowledgeAsync(
                connector.Id, changes[^1].Sequence, server.HandOuts.UpTo(connector.Id, changes[^1].Sequence), byWebhook: false, CancellationToken.None));
            server.HandOuts.Delivered(connector.Id, changes[^1].Sequence);
            byte[] json = [];
            Time(steps, "JSON write of the page", () => json = JsonSerializer.SerializeToUtf8Bytes(sample, MonitoringHostJson.Options));
            Time(steps, "JSON parse (JsonDocument)", () => JsonDocument.Parse(json).Dispose());
            Time(steps, "JSON read (client types)", () => JsonSerializer.Deserialize<ConnectorAlertPage>(json, MonitoringHostJson.Options));
            megabytes = json.Length / (1024.0 * 1024.0);
            connector.Http.Dispose();
            connector.Client.Dispose();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"profile of one page of {Page:N0} ({megabytes:0.0} MB of JSON; in process, median of 3): ") + string.Join("; ", steps.Select(s =>
            string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value.Order().ElementAt(s.Value.Count / 2):0.0} ms"))));
    }

    private static void Time(Dictionary<string, List<double>> steps, string step, Action action)
    {
        var started = Stopwatch.GetTimestamp();
        action();
        Add(steps, step, started);
    }

    private static async Task TimeAsync(Dictionary<string, List<double>> steps, string step, Func<Task> action)
    {
        var started = Stopwatch.GetTimestamp();
        await action();
        Add(steps, step, started);
    }

    private static void Add(Dictionary<string, List<double>> steps, string step, long started)
    {
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!steps.TryGetValue(step, out var times))
        {
            steps[step] = times = [];
        }

        times.Add(ms);
    }
}
