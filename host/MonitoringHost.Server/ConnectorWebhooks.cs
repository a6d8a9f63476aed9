using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using MonitoringHost.Runtime.Credentials;
using MonitoringHost.Sdk;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;

namespace MonitoringHost.Server;

/// <summary>
/// Pushes each connector's batches to its webhook, one sender per connector so that batches go one after another in
/// feed order: a batch is read from the connector's acknowledged cursor, POSTed with an HMAC-SHA256 signature of the
/// body (<c>X-MonitoringHost-Signature: sha256=…</c>, keyed with the connector's secret), and acknowledged only when
/// the receiver answers 2xx; otherwise it is read and POSTed again after a backoff that doubles up to a limit. The
/// cursor is the store's, so a restart resumes where the last acknowledged batch ended: nothing is dropped and
/// nothing of an alert is reordered (a batch may come twice: delivery is at least once, and items carry their
/// <c>changeSeq</c>). A disabled connector, or one without a webhook, waits.
/// </summary>
public sealed class ConnectorWebhooks : IAsyncDisposable
{
    public const string SignatureHeader = "X-MonitoringHost-Signature";

    private const int BatchSize = 500;
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);

    private readonly ManagementServer _server;
    private readonly ConnectorStore _connectors;
    private readonly ConnectorFeed _feed;
    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<Guid, Sender> _senders = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Guid, WebhookCounters> _counters = new();

    internal ConnectorWebhooks(ManagementServer server)
    {
        _server = server;
        _connectors = ConnectorStore.For(server.Store);
        _feed = new ConnectorFeed(server, _connectors);
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }) { Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>What this server pushed to the connector's webhook since it started.</summary>
    public WebhookCounters Counters(Guid connectorId) => _counters.GetOrAdd(connectorId, _ => new WebhookCounters());

    /// <summary>Starts a sender for every connector that has a webhook.</summary>
    internal async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var connector in await _connectors.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (connector.Delivery.WebhookUrl is not null)
            {
                Wake(connector.Id);
            }
        }
    }

    /// <summary>The connector's webhook, or whether it is enabled, changed: its sender (started if need be) reads it anew.</summary>
    public void Wake(Guid connectorId)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        // One sender per connector, ever: a second one would send batches of the same connector side by side.
        Sender sender;
        lock (_senders)
        {
            if (!_senders.TryGetValue(connectorId, out sender!))
            {
                sender = new Sender(this, connectorId);
                _senders[connectorId] = sender;
            }
        }

        sender.Wake();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var sender in _senders.Values)
        {
            await sender.Stopped.ConfigureAwait(false);
        }

        _http.Dispose();
        _stopping.Dispose();
    }

    /// <summary><c>sha256=</c> and the hex HMAC-SHA256 of <paramref name="body"/> under <paramref name="secret"/>, as the header carries it.</summary>
    public static string Signature(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret), body));

    /// <summary>One connector's loop; it ends when the connector is deleted or the server stops.</summary>
    private sealed class Sender
    {
        private readonly ConnectorWebhooks _owner;
        private readonly Guid _id;
        private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Sender(ConnectorWebhooks owner, Guid id)
        {
            _owner = owner;
            _id = id;
            Stopped = Task.Run(RunAsync);
        }

        public Task Stopped { get; }

        private static TimeSpan Backoff(ServerOptions options, int failures)
        {
            var backoff = options.WebhookBackoff * Math.Pow(2, Math.Min(failures, 30));
            return backoff < options.WebhookMaxBackoff ? backoff : options.WebhookMaxBackoff;
        }

        public void Wake() => Interlocked.Exchange(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

        private async Task RunAsync()
        {
            var stopping = _owner._stopping.Token;
            var failures = 0;
            while (!stopping.IsCancellationRequested)
            {
                var wake = Volatile.Read(ref _wake).Task;
                var next = _owner._server.Store.Feed.Next;
                TimeSpan wait;
                try
                {
                    (wait, failures) = await SendOnceAsync(failures, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or CredentialDecryptionException or IOException)
                {
                    // The store (or the sealed secret) failed, not the receiver: count it, keep the reason, and try
                    // again after the backoff; the cursor has not moved, so nothing is lost.
                    _owner.Counters(_id).Faulted(e.Message);
                    wait = Backoff(_owner._server.Options, failures);
                    failures++;
                }

                if (wait == Timeout.InfiniteTimeSpan)
                {
                    lock (_owner._senders)
                    {
                        _owner._senders.TryRemove(new KeyValuePair<Guid, Sender>(_id, this));
                    }

                    break;
                }

                if (wait > TimeSpan.Zero)
                {
                    // After a failure only the backoff (or a change of the webhook) ends the wait; idle, a commit does.
                    var delay = Task.Delay(wait, stopping);
                    await Task.WhenAny(failures > 0 ? [wake, delay] : [wake, next, delay]).ConfigureAwait(false);
                }
            }
        }

        /// <summary>
        /// Sends the next batch, if any. Returns how long to wait before the next try (zero: at once; infinite: the
        /// connector is gone) and the count of failures in a row.
        /// </summary>
        private async Task<(TimeSpan Wait, int Failures)> SendOnceAsync(int failures, CancellationToken stopping)
        {
            var server = _owner._server;
            var connector = await _owner._connectors.GetAsync(_id, stopping).ConfigureAwait(false);
            if (connector is null)
            {
                return (Timeout.InfiniteTimeSpan, 0);
            }

            if (connector.Delivery.WebhookUrl is not { } url || connector.Delivery.WebhookSecret is not { } sealedSecret || !connector.Enabled)
            {
                return (Idle, 0);
            }

            var batch = await _owner._feed.ReadAsync(connector, connector.Delivery.AckedSequence, BatchSize, stopping).ConfigureAwait(false);
            if (batch.Items.Count == 0)
            {
                // Nothing for this connector up to there: acknowledging it spares reading those entries again.
                if (batch.Position > connector.Delivery.AckedSequence)
                {
                    await _owner._connectors.AcknowledgeAsync(_id, batch.Position, [], byWebhook: false, stopping).ConfigureAwait(false);
                }

                return (batch.More ? TimeSpan.Zero : Idle, failures);
            }

            var body = JsonSerializer.SerializeToUtf8Bytes(
                new ConnectorWebhookBatch(_id, ConnectorFeed.WriteCursor(batch.Position), ConnectorFeed.Shape(batch)), MonitoringHostJson.Options);
            var secret = SecretSeal.Open(server.SecretKey, ConnectorDeliveryEndpoints.WebhookSecretPurpose, _id, sealedSecret.Span);
            string? error;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.TryAddWithoutValidation(SignatureHeader, Signature(secret, body));
                using var response = await _owner._http.SendAsync(request, stopping).ConfigureAwait(false);
                error = response.IsSuccessStatusCode ? null : $"the receiver answered {(int)response.StatusCode} {response.ReasonPhrase}";
            }
            catch (HttpRequestException e)
            {
                error = $"the receiver could not be reached: {e.Message}";
            }
            catch (TaskCanceledException) when (!stopping.IsCancellationRequested)
            {
                error = $"the receiver did not answer within {_owner._http.Timeout.TotalSeconds:0} s";
            }

            if (error is not null)
            {
                await _owner._connectors.RecordWebhookFailureAsync(_id, error, CancellationToken.None).ConfigureAwait(false);
                _owner.Counters(_id).Failed();
                return (Backoff(server.Options, failures), failures + 1);
            }

            // Accepted: the cursor, the alerts delivered and the webhook's delivery, in one transaction.
            await _owner._connectors.AcknowledgeAsync(_id, batch.Position, server.HandOuts.UpTo(_id, batch.Position), byWebhook: true, CancellationToken.None).ConfigureAwait(false);
            server.HandOuts.Delivered(_id, batch.Position);
            _owner.Counters(_id).Delivered(batch.Items.Count);
            return (TimeSpan.Zero, 0);
        }
    }
}

/// <summary>Batches and alert changes a webhook accepted, and POSTs that failed, since the server started.</summary>
public sealed class WebhookCounters
{
    private long _batches;
    private long _changes;
    private long _failures;

    public long Batches => Interlocked.Read(ref _batches);

    public long Changes => Interlocked.Read(ref _changes);

    public long Failures => Interlocked.Read(ref _failures);

    internal void Delivered(int changes)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _changes, changes);
    }

    /// <summary>Why the sender itself last failed (the store or the secret, not the receiver), or null.</summary>
    public string? LastFault { get; private set; }

    internal void Failed() => Interlocked.Increment(ref _failures);

    internal void Faulted(string reason)
    {
        LastFault = reason;
        Failed();
    }
}
