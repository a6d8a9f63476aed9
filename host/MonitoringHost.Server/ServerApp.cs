using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MonitoringHost.Sdk;

namespace MonitoringHost.Server;

/// <summary>
/// The management server's HTTP side (API.md): <c>GET /api/v1/health</c> (liveness and readiness: the store answers,
/// the packs are loaded) and <c>GET /metrics</c> (Prometheus text), which need no key; every other endpoint needs an
/// API key with a role it allows (<see cref="ApiAuth"/>): so far <c>GET /api/v1/objects</c>.
/// </summary>
public static class ServerApp
{
    public static WebApplication Build(ManagementServer server, ILoggerProvider? logging = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(server.Options.Urls);
        builder.Services.ConfigureHttpJsonOptions(json => MonitoringHostJson.Apply(json.SerializerOptions, strict: false));
        builder.Logging.ClearProviders();
        if (logging is not null)
        {
            builder.Logging.AddProvider(logging);
        }

        builder.Services.AddOpenApi("v1", options => options.AddDocumentTransformer<ApiDocument>());
        var app = builder.Build();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseApiKeys(server.Keys);
        app.MapObjects(server);
        app.MapAlerts(server);
        app.MapResolutionStates(server);
        app.MapKnowledge(server);
        app.MapMaintenance(server);
        app.MapMaintenanceSchedules(server);
        app.MapDiscoveryData(server);
        app.MapInsertedData(server);
        app.MapManagementPacks(server);
        app.MapClasses(server);
        app.MapPool(server);
        app.MapConnectors(server);
        app.MapConnectorDelivery(server);
        app.MapEventStream(server);
        app.MapRunAs(server);
        app.MapComputerSweep(server);
        app.MapComputers(server);
        app.MapGet("/api/v1/health", (CancellationToken cancellationToken) => HealthAsync(server, cancellationToken));
        app.MapGet("/metrics", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await context.Response.WriteAsync(await MetricsAsync(server).ConfigureAwait(false), context.RequestAborted).ConfigureAwait(false);
        });
        return app;
    }

    /// <summary>200 with what was checked when the server can serve; 503 with the reason when it cannot.</summary>
    private static async Task<IResult> HealthAsync(ManagementServer server, CancellationToken cancellationToken)
    {
        string? problem = null;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await server.Space.ReadFeedAsync(server.Space.LastSequence, 1, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            problem = "the store did not answer within 5 s";
        }
        catch (Exception failure) when (failure is System.Data.Common.DbException or InvalidOperationException)
        {
            problem = $"the store cannot be read: {failure.Message}";
        }

        if (server.Engine.Loop.CommitFailure is { } commit)
        {
            problem ??= $"changes cannot be committed: {commit.Message}";
        }

        var body = new
        {
            status = problem is null ? "healthy" : "unhealthy",
            problem,
            store = server.Store.Provider.ToString(),
            packs = server.Classes.Packs.Packs.Length,
            objects = server.Space.Count,
            workflowInstances = server.Host.InstanceCount,
            started = server.Started.UtcDateTime,
        };
        return problem is null ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>The server's figures in Prometheus' text format.</summary>
    /// <summary>Per connector (labelled by name): how far behind it is, what waits for it, and how its webhook goes.</summary>
    private static async Task ConnectorMetricsAsync(ManagementServer server, StringBuilder text)
    {
        var connectors = Storage.ConnectorStore.For(server.Store);
        var all = await connectors.ListAsync(CancellationToken.None).ConfigureAwait(false);
        var head = await connectors.FeedHeadAsync(CancellationToken.None).ConfigureAwait(false);
        var now = server.Options.Time.GetUtcNow();
        var rows = new List<(string Name, string Type, string Help, string Label, double Value)>();
        foreach (var c in all)
        {
            var label = c.Name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
            var oldest = await server.Store.ReadFeedAsync(c.Delivery.AckedSequence, 1, CancellationToken.None).ConfigureAwait(false);
            var counters = server.Webhooks.Counters(c.Id);
            rows.Add(("mh_connector_behind", "gauge", "Change feed entries after what the connector acknowledged.", label, Math.Max(0, head - c.Delivery.AckedSequence)));
            rows.Add(("mh_connector_lag_seconds", "gauge", "Age of the oldest change the connector has not acknowledged (0 when none waits).", label,
                oldest is [var first] ? Math.Max(0, (now - first.Time).TotalSeconds) : 0));
            rows.Add(("mh_connector_pending_alerts", "gauge", "Alerts handed to the connector whose last change it has not acknowledged.", label,
                server.HandOuts.Pending(c.Id)));
            rows.Add(("mh_connector_webhook_consecutive_failures", "gauge", "Failed webhook POSTs since the last accepted one.", label, c.Delivery.WebhookFailures));
            rows.Add(("mh_connector_webhook_batches_total", "counter", "Batches the connector's webhook accepted since this server started.", label, counters.Batches));
            rows.Add(("mh_connector_webhook_changes_total", "counter", "Alert changes the connector's webhook accepted since this server started.", label, counters.Changes));
            rows.Add(("mh_connector_webhook_failures_total", "counter", "Webhook POSTs that failed since this server started.", label, counters.Failures));
        }

        foreach (var metric in rows.GroupBy(r => (r.Name, r.Type, r.Help)))
        {
            text.Append(CultureInfo.InvariantCulture, $"# HELP {metric.Key.Name} {metric.Key.Help}\n# TYPE {metric.Key.Name} {metric.Key.Type}\n");
            foreach (var row in metric)
            {
                text.Append(CultureInfo.InvariantCulture, $"{metric.Key.Name}{{connector=\"{row.Label}\"}} {row.Value}\n");
            }
        }
    }

    internal static async Task<string> MetricsAsync(ManagementServer server)
    {
        var openAlerts = (await server.Engine.OpenAlertsAsync().ConfigureAwait(false)).Count;
        var text = new StringBuilder();
        void Metric(string name, string type, string help, double value)
        {
            text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n{name} {value.ToString(CultureInfo.InvariantCulture)}\n");
        }

        Metric("mh_objects", "gauge", "Monitoring objects in the instance space.", server.Space.Count);
        Metric("mh_workflow_instances", "gauge", "Workflow instances scheduled (one per workflow and target object).", server.Host.InstanceCount);
        Metric("mh_workflow_runs_in_progress", "gauge", "Workflow runs started and not finished.", server.Host.RunsInProgress);
        Metric("mh_workflows_unsupported", "gauge", "Workflows that name a module type the host does not implement.", server.Host.Unsupported.Count);
        Metric("mh_workflow_run_capacity", "gauge", "Workflow runs that may be under way at once.", server.Host.RunCapacity);
        Metric("mh_workflow_runs_started_total", "counter", "Workflow runs started.", server.Host.RunsStarted);
        Metric("mh_workflow_runs_failed_total", "counter", "Workflow runs that failed (threw or timed out).", server.Host.RunsFailed);
        Metric("mh_workflow_start_lag_seconds_total", "counter", "Seconds scheduled runs started late, summed (divide by runs started for the mean).", server.Host.StartLagTotal.TotalSeconds);
        Metric("mh_alerts_open", "gauge", "Alerts not closed.", openAlerts);
        Metric("mh_operations_commits_total", "counter", "Transactions of health, alert and maintenance changes committed.", server.Engine.Loop.CommittedBatches);
        Metric("mh_operations_steps_total", "counter", "Health, alert and maintenance changes committed.", server.Engine.Loop.CommittedSteps);
        Metric("mh_operations_commit_failing", "gauge", "1 while commits fail and are being retried.", server.Engine.Loop.CommitFailure is null ? 0 : 1);
        Metric("mh_uptime_seconds", "gauge", "Seconds since the server started.", (server.Options.Time.GetUtcNow() - server.Started).TotalSeconds);
        await ConnectorMetricsAsync(server, text).ConfigureAwait(false);
        return text.ToString();
    }
}
