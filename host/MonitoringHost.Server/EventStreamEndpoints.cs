using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Primitives;
using MonitoringHost.Discovery.Storage;
using MonitoringHost.Sdk;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;

namespace MonitoringHost.Server;

/// <summary>
/// The change feed as server-sent events (API.md "Event stream"): <c>GET /api/v1/events?since=&amp;kinds=</c>. Each
/// feed entry is one event (<c>id:</c> its sequence, <c>event:</c> its kind, <c>data:</c> a <see cref="ChangeEvent"/>
/// on one line); a <c>Last-Event-ID</c> header resumes after that sequence. The stream reads the feed in pages, waits
/// at its head on the store's <see cref="FeedSignal"/> (and polls each second for commits of other processes on a
/// shared store), sends a keep-alive comment when idle, and ends when the client goes or the server stops. A Connector
/// key sees only the alert events of alerts assigned to its connector.
/// </summary>
internal static partial class EventStreamEndpoints
{
    private const string Path = "/api/v1/events";
    private const string LastEventId = "Last-Event-ID";

    /// <summary>Entries read from the store at once: a client far behind catches up page by page.</summary>
    private const int PageSize = 1000;

    /// <summary>How long an idle stream waits before it sends a keep-alive comment.</summary>
    internal static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);

    /// <summary>How long the stream waits at the feed's head before it reads again (commits of other processes raise no signal here).</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static void MapEventStream(this WebApplication app, ManagementServer server)
    {
        app.MapGet(Path, async (HttpContext context) =>
        {
            var errors = new List<ProblemError>();
            var since = context.Request.Headers[LastEventId] is { Count: > 0 } header
                ? Position(header, LastEventId, errors)
                : Position(context.Request.Query["since"], "since", errors);
            var kinds = Kinds(context.Request.Query["kinds"], errors);
            if (errors.Count > 0)
            {
                return Problems.Invalid(errors);
            }

            var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            try
            {
                var start = since ?? await server.Store.ReadFeedHeadAsync(stop.Token).ConfigureAwait(false);
                await StreamAsync(context, server.Store, start, Visible(ApiAuth.Identity(context), kinds), stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The client went away or the server is stopping: the stream simply ends.
            }

            return Results.Empty;
        }).Streams<ChangeEvent>().Allow([.. ApiAuth.Readers, ApiRole.Connector]);
    }

    /// <summary>Writes the feed after <paramref name="after"/> until <paramref name="stop"/>.</summary>
    private static async Task StreamAsync(HttpContext context, InstanceStore store, long after, Func<ChangeFeedEntry, JsonElement, bool> visible, CancellationToken stop)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        // The position the stream starts after, as an id without data: a client that reconnects before its first
        // event resumes from here and misses nothing.
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $": change feed after {after}\nid: {after}\n\n");
        var sent = after;

        // Idleness on the connection is real time, whatever clock the server's own logic runs on.
        var lastWrite = TimeProvider.System.GetTimestamp();
        while (true)
        {
            if (text.Length > 0)
            {
                await response.WriteAsync(text.ToString(), stop).ConfigureAwait(false);
                await response.Body.FlushAsync(stop).ConfigureAwait(false);
                text.Clear();
                lastWrite = TimeProvider.System.GetTimestamp();
            }

            var next = store.Feed.Next;
            var page = await store.ReadFeedAsync(after, PageSize, stop).ConfigureAwait(false);
            foreach (var entry in page)
            {
                if (Event(entry, visible) is { } line)
                {
                    text.Append(CultureInfo.InvariantCulture, $"id: {entry.Sequence}\nevent: {entry.Kind}\ndata: {line}\n\n");
                    sent = entry.Sequence;
                }

                after = entry.Sequence;
            }

            if (page.Count > 0)
            {
                continue;
            }

            var idle = TimeProvider.System.GetElapsedTime(lastWrite);
            if (idle >= KeepAliveInterval)
            {
                // Entries this caller may not see still move its resume point on, so that a reconnect need not read them again.
                text.Append(": keepalive\n");
                text.Append(sent == after ? "\n" : string.Create(CultureInfo.InvariantCulture, $"id: {after}\n\n"));
                sent = after;
                continue;
            }

            var wait = KeepAliveInterval - idle;
            await FeedSignal.WaitAsync(next, wait < PollInterval ? wait : PollInterval, stop).ConfigureAwait(false);
        }
    }

    /// <summary>The entry's <c>data:</c> line when the caller may see it; null otherwise.</summary>
    private static string? Event(ChangeFeedEntry entry, Func<ChangeFeedEntry, JsonElement, bool> visible)
    {
        using var payload = JsonDocument.Parse(entry.Payload);
        return visible(entry, payload.RootElement)
            ? JsonSerializer.Serialize(new ChangeEvent(entry.Sequence, entry.Kind, entry.SubjectId, entry.Time, payload.RootElement), MonitoringHostJson.Options)
            : null;
    }

    /// <summary>What the caller sees: the kinds asked for, of what its role may see.</summary>
    private static Func<ChangeFeedEntry, JsonElement, bool> Visible(ApiKeyIdentity identity, List<string> kinds)
    {
        bool Asked(string kind) => kinds.Count == 0 || kinds.Any(k => k.EndsWith('.') ? kind.StartsWith(k, StringComparison.Ordinal) : kind == k);
        return identity switch
        {
            { Role: ApiRole.Connector, ConnectorId: { } own } => (entry, data) => Asked(entry.Kind) && IsConnectorsAlert(entry, data, own),
            { Role: var role } when ApiAuth.Readers.Contains(role) => (entry, _) => Asked(entry.Kind),
            _ => (_, _) => false,
        };
    }

    /// <summary>
    /// An alert event of an alert assigned to <paramref name="connector"/>, or the update that took it from it.
    /// </summary>
    internal static bool IsConnectorsAlert(ChangeFeedEntry entry, JsonElement data, Guid connector) =>
        entry.Kind.StartsWith("alert.", StringComparison.Ordinal)
        && (IsId(data, "connectorId", connector)
            || (data.TryGetProperty("history", out var history) && history.TryGetProperty("changes", out var changes)
                && changes.TryGetProperty("connectorId", out var change) && change.ValueKind == JsonValueKind.Array && IsId(change, 0, connector)));

    private static bool IsId(JsonElement data, string field, Guid id) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetGuid(out var found) && found == id;

    private static bool IsId(JsonElement array, int index, Guid id) =>
        array.GetArrayLength() > index && array[index] is { ValueKind: JsonValueKind.String } value && value.TryGetGuid(out var found) && found == id;

    /// <summary>A feed position (a sequence, 0 = the feed's start); null when not given.</summary>
    private static long? Position(StringValues values, string name, List<ProblemError> errors)
    {
        if (values.Count == 0)
        {
            return null;
        }

        if (values.Count == 1 && long.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return position;
        }

        errors.Add(new ProblemError("invalid", $"{name} is one change feed sequence, a whole number from 0 (the feed's start); it was '{string.Join(",", values.AsEnumerable())}'") { Path = name });
        return null;
    }

    /// <summary>The kinds asked for, comma-separated: exact (<c>health.changed</c>) or a family (<c>alert.*</c>, kept as <c>alert.</c>).</summary>
    private static List<string> Kinds(StringValues values, List<ProblemError> errors)
    {
        var kinds = new List<string>();
        foreach (var kind in values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries)))
        {
            if (!KindPattern().IsMatch(kind))
            {
                errors.Add(new ProblemError("invalid", $"kinds is a comma-separated list of event kinds (alert.created) or families (alert.*); '{kind}' is neither") { Path = "kinds" });
            }
            else
            {
                kinds.Add(kind.EndsWith(".*", StringComparison.Ordinal) ? kind[..^1] : kind);
            }
        }

        return kinds;
    }

    [GeneratedRegex(@"^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*(\.\*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex KindPattern();
}
