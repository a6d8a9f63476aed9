using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace MonitoringHost.Server.Tests;

/// <summary>One server-sent event as it came over the wire: its id, event name and parsed data line.</summary>
internal sealed record StreamedEvent(long Id, string Event, JsonElement Data);

/// <summary>
/// A raw reader of <c>GET /api/v1/events</c>: opens the stream (headers only) and parses the <c>text/event-stream</c>
/// lines itself, so the tests see exactly what a browser's EventSource would.
/// </summary>
internal sealed class EventStreamReader : IAsyncDisposable
{
    private static readonly HttpClient Client = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private EventStreamReader(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    /// <summary>The id of the last block read, with or without data (the first one is where the stream starts after).</summary>
    public long? LastId { get; private set; }

    public HttpResponseMessage Response => _response;

    public static async Task<EventStreamReader> OpenAsync(string url, string key, string query = "", string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url + "/api/v1/events" + query));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }

        var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var body = await response.Content.ReadAsStringAsync();
            response.Dispose();
            throw new InvalidOperationException($"the event stream answered {(int)response.StatusCode}: {body}");
        }

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        var stream = new EventStreamReader(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
        using var first = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        (await stream.NextBlockAsync(first.Token)).Should().BeNull("the stream opens with the position it starts after, without data");
        return stream;
    }

    /// <summary>The next event with data, within <paramref name="timeout"/>; null when none came.</summary>
    public async Task<StreamedEvent?> NextAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                if (await NextBlockAsync(deadline.Token) is { } streamed)
                {
                    return streamed;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Reads events until <paramref name="done"/> holds for the list read so far; fails after 20 s.</summary>
    public async Task<List<StreamedEvent>> ReadUntilAsync(Func<List<StreamedEvent>, bool> done)
    {
        var events = new List<StreamedEvent>();
        while (!done(events))
        {
            var next = await NextAsync(TimeSpan.FromSeconds(20));
            next.Should().NotBeNull($"the stream should go on after {string.Join(", ", events.Select(e => $"{e.Id} {e.Event}"))}");
            events.Add(next!);
        }

        return events;
    }

    /// <summary>True when the server ended the stream within <paramref name="timeout"/>.</summary>
    public async Task<bool> EndsWithinAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (await _reader.ReadLineAsync(deadline.Token) is not null)
            {
            }

            return true;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>One block up to its blank line: an event when it has data, null for an id-only block or a comment.</summary>
    private async Task<StreamedEvent?> NextBlockAsync(CancellationToken cancellationToken)
    {
        long? id = null;
        string? name = null;
        string? data = null;
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                LastId = id ?? LastId;
                return data is null ? null : new StreamedEvent(id!.Value, name!, JsonDocument.Parse(data).RootElement.Clone());
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (field, value) = colon < 0 ? (line, "") : (line[..colon], line[(colon + 1)..].TrimStart(' '));
            switch (field)
            {
                case "id": id = long.Parse(value, CultureInfo.InvariantCulture); break;
                case "event": name = value; break;
                case "data": data = data is null ? value : data + "\n" + value; break;
                case "": break;
                default: throw new InvalidDataException($"unexpected line in the event stream: {line}");
            }
        }

        throw new EndOfStreamException("the server ended the event stream");
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
