using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using MonitoringHost.Sdk.Contracts;

namespace MonitoringHost.Sdk;

public sealed partial class MonitoringHostClient
{
    /// <summary>The wait before the first reconnect; it doubles with each failed attempt up to <see cref="LongestReconnectDelay"/>.</summary>
    private static readonly TimeSpan FirstReconnectDelay = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan LongestReconnectDelay = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a stream may stay silent before it counts as lost: the server sends a keep-alive every 15 s, so a
    /// connection that stays silent longer has died without closing.
    /// </summary>
    private static readonly TimeSpan SilenceLimit = TimeSpan.FromSeconds(45);

    /// <summary>
    /// Follows the change feed (<c>GET /events</c>, server-sent events): every change the server commits, in commit
    /// order. When the connection drops or the server restarts, the stream reconnects on its own (waiting a little
    /// longer after each failed attempt) and resumes after the last event it delivered, so the caller sees every
    /// event once: no gap, no repeat. It ends only when <paramref name="cancellationToken"/> is cancelled or the
    /// server refuses the request (<see cref="MonitoringHostApiException"/>: a bad parameter, the key or its role).
    /// </summary>
    /// <param name="since">Deliver the events after this sequence (0: the whole feed from its start); null: only what commits from now on.</param>
    /// <param name="kinds">Only these kinds (<c>alert.created</c>) or families (<c>alert.*</c>); null: every kind the key may see.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>The events, as they commit.</returns>
    public async IAsyncEnumerable<ChangeEvent> StreamEventsAsync(long? since = null, IEnumerable<string>? kinds = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var path = Query("events", ("since", since), ("kinds", kinds is null ? null : string.Join(",", kinds)));
        long? resumeAfter = null;
        var delay = FirstReconnectDelay;
        while (true)
        {
            using (var response = await ConnectAsync(path, resumeAfter, cancellationToken).ConfigureAwait(false))
            {
                if (response is not null)
                {
                    delay = FirstReconnectDelay;
                    var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                    using var reader = new StreamReader(body, Encoding.UTF8);
                    while (await ReadEventBlockAsync(reader, cancellationToken).ConfigureAwait(false) is { } block)
                    {
                        if (block.Data is { } data && JsonSerializer.Deserialize<ChangeEvent>(data, MonitoringHostJson.Tolerant) is { } change
                            && (resumeAfter is null || change.Sequence > resumeAfter))
                        {
                            resumeAfter = change.Sequence;
                            yield return change;
                        }
                        else if (block.Data is null && block.Id is { } position)
                        {
                            // The position the stream starts after, or one it moved past without sending anything.
                            resumeAfter = Math.Max(position, resumeAfter ?? 0);
                        }
                    }
                }
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = delay * 2 < LongestReconnectDelay ? delay * 2 : LongestReconnectDelay;
        }
    }

    /// <summary>Opens the stream, resuming after <paramref name="resumeAfter"/> when set; null when the server cannot be reached or is unavailable.</summary>
    private async Task<HttpResponseMessage?> ConnectAsync(string path, long? resumeAfter, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync(HttpMethod.Get, path, null, cancellationToken, accept: "text/event-stream",
                lastEventId: resumeAfter?.ToString(CultureInfo.InvariantCulture), stream: true).ConfigureAwait(false);
        }
        catch (MonitoringHostUnreachableException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (MonitoringHostApiException e) when (e.Status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
        {
            return null;
        }
    }

    /// <summary>
    /// The next block of the stream up to its blank line (its <c>id</c> and joined <c>data</c> lines; comments
    /// skipped); null when the connection ended, broke or stayed silent too long. A block cut off by the end is dropped.
    /// </summary>
    private static async Task<(long? Id, string? Data)?> ReadEventBlockAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        long? id = null;
        StringBuilder? data = null;
        using var silence = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            while (true)
            {
                silence.CancelAfter(SilenceLimit);
                var line = await reader.ReadLineAsync(silence.Token).ConfigureAwait(false);
                if (line is null)
                {
                    return null;
                }

                if (line.Length == 0)
                {
                    if (id is not null || data is not null)
                    {
                        return (id, data?.ToString());
                    }

                    continue;
                }

                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var field = colon < 0 ? line : line[..colon];
                var value = colon < 0 ? "" : line[(colon + 1)..];
                value = value.StartsWith(' ') ? value[1..] : value;
                if (field == "id" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
                {
                    id = sequence;
                }
                else if (field == "data")
                {
                    data = data is null ? new StringBuilder(value) : data.Append('\n').Append(value);
                }
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is IOException or HttpRequestException or OperationCanceledException)
        {
            // The connection broke or went silent: the caller reconnects from the last event it delivered.
            return null;
        }
    }
}
