using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MonitoringHost.Server;

namespace MonitoringHost.Benchmarks.Connectors;

/// <summary>
/// A webhook receiver on 127.0.0.1 (Kestrel): checks each POST's signature, parses the batch and records when each
/// alert change arrived (after the body was read, checked and parsed), then answers 200.
/// </summary>
internal sealed class BenchmarkReceiver(string secret) : IAsyncDisposable
{
    private WebApplication? _app;

    public Arrivals Arrivals { get; } = new();

    public string Url { get; private set; } = "";

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/hooks/alerts", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            if (context.Request.Headers[ConnectorWebhooks.SignatureHeader] != ConnectorWebhooks.Signature(secret, body))
            {
                throw new InvalidOperationException("a webhook POST came with a wrong signature");
            }

            using var batch = JsonDocument.Parse(body);
            Arrivals.Add(batch.RootElement.GetProperty("items"), DateTime.UtcNow);
            return Results.Ok();
        });
        await _app.StartAsync();
        Url = _app.Urls.Single() + "/hooks/alerts";
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
