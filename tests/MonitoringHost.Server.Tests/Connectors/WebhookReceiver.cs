using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using MonitoringHost.Sdk;
using MonitoringHost.Sdk.Contracts;

namespace MonitoringHost.Server.Tests.Connectors;

/// <summary>
/// A webhook receiver on 127.0.0.1: checks each POST's signature with the secret, refuses the first
/// <see cref="FailFirst"/> with 503, and keeps the batches it accepted, in the order they came.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly List<ConnectorWebhookBatch> _accepted = [];
    private readonly string _secret;
    private WebApplication? _app;
    private int _attempts;

    public WebhookReceiver(string secret, int port)
    {
        _secret = secret;
        Port = port;
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hooks/alerts";

    /// <summary>Attempts to refuse before accepting.</summary>
    public int FailFirst { get; init; }

    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>POSTs whose signature did not match the body.</summary>
    public int BadSignatures { get; private set; }

    public IReadOnlyList<ConnectorWebhookBatch> Accepted
    {
        get
        {
            lock (_accepted)
            {
                return [.. _accepted];
            }
        }
    }

    public IReadOnlyList<ConnectorAlert> Items => [.. Accepted.SelectMany(b => b.Items)];

    /// <summary>A free port on 127.0.0.1 (nothing listens on it until a receiver starts there).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        _app = builder.Build();
        _app.MapPost("/hooks/alerts", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            if (context.Request.Headers[ConnectorWebhooks.SignatureHeader] != ConnectorWebhooks.Signature(_secret, body))
            {
                BadSignatures++;
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            }

            if (Interlocked.Increment(ref _attempts) <= FailFirst)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            var batch = JsonSerializer.Deserialize<ConnectorWebhookBatch>(body, MonitoringHostJson.Options)!;
            lock (_accepted)
            {
                _accepted.Add(batch);
            }

            return Results.Ok();
        });
        await _app.StartAsync();
    }

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    /// <summary>Waits until the receiver has accepted <paramref name="count"/> items (or fails after <paramref name="timeout"/>).</summary>
    public async Task WaitForItemsAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Items.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the receiver has {Items.Count} of {count} items after {timeout.TotalSeconds} s ({Attempts} attempts)");
            }

            await Task.Delay(20);
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
