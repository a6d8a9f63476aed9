using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MonitoringHost.Runtime.Credentials;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;
using SdkForwarding = MonitoringHost.Sdk.Contracts.AlertForwarding;

namespace MonitoringHost.Server;

/// <summary>
/// How connectors receive alerts (API.md "Connectors"): the subscription, pull with cursors and acknowledgements, the
/// webhook, and where an alert stands with each connector. A Connector key reaches only its own connector.
/// </summary>
internal static class ConnectorDeliveryEndpoints
{
    private const string Path = "/api/v1/connectors/{id:guid}";
    private const int DefaultBatch = 500;
    private const int MaxWaitSeconds = 60;
    private const int MinSecretLength = 16;

    /// <summary>What a webhook secret is sealed for (bound into its envelope).</summary>
    public const string WebhookSecretPurpose = "connector webhook secret";

    public static void MapConnectorDelivery(this WebApplication app, ManagementServer server)
    {
        var connectors = ConnectorStore.For(server.Store);
        var feed = new ConnectorFeed(server, connectors);

        app.MapGet(Path + "/subscription", async (HttpContext context, Guid id) =>
            await connectors.GetAsync(id, context.RequestAborted).ConfigureAwait(false) is { } connector
                ? Results.Ok(connector.Delivery.Subscription is { } stored ? ConnectorSubscriptions.Read(stored) : new ConnectorSubscription())
                : NoConnector(id))
            .Answers<ConnectorSubscription>().Own().Allow([.. ApiAuth.Readers, ApiRole.Connector]);

        app.MapPut(Path + "/subscription", async (HttpContext context, Guid id) =>
        {
            var (body, problem) = await ApiJson.ReadAsync<ConnectorSubscription>(context).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var errors = ConnectorSubscriptions.Check(body!, server.Space, await server.Engine.ResolutionStatesAsync().ConfigureAwait(false));
            if (errors.Count > 0)
            {
                return Problems.Invalid(errors);
            }

            return await connectors.SetSubscriptionAsync(id, ConnectorSubscriptions.Write(body!), body!.ReceiveOwnChanges ?? false, context.RequestAborted).ConfigureAwait(false) is { } connector
                ? Results.Ok(await ShapeAsync(server, connectors, connector, context.RequestAborted).ConfigureAwait(false))
                : NoConnector(id);
        }).Reads<ConnectorSubscription>().Answers<Connector>().Own().Allow(ApiRole.Connector);

        app.MapDelete(Path + "/subscription", async (HttpContext context, Guid id) =>
            await connectors.SetSubscriptionAsync(id, null, false, context.RequestAborted).ConfigureAwait(false) is { } connector
                ? Results.Ok(await ShapeAsync(server, connectors, connector, context.RequestAborted).ConfigureAwait(false))
                : NoConnector(id))
            .Answers<Connector>().Own().Allow(ApiRole.Connector);

        app.MapGet(Path + "/alerts", async (HttpContext context, Guid id, string? cursor, int? limit, int? wait) =>
        {
            if (Problems.BadLimit(limit) is { } badLimit)
            {
                return badLimit;
            }

            if (wait is < 0 or > MaxWaitSeconds)
            {
                return Problems.Invalid("wait", $"wait is 0 to {MaxWaitSeconds} seconds; it was {wait}");
            }

            long? after = null;
            if (cursor is not null && (after = ConnectorFeed.ReadCursor(cursor)) is null)
            {
                return Problems.Invalid("cursor", $"'{cursor}' is not a cursor this server gave");
            }

            if (await connectors.GetAsync(id, context.RequestAborted).ConfigureAwait(false) is not { } connector)
            {
                return NoConnector(id);
            }

            if (!connector.Enabled)
            {
                return Problems.Conflict($"the connector {connector.Name} is disabled: it receives nothing until it is enabled again, and then everything after its cursor");
            }

            var deadline = server.Options.Time.GetUtcNow().AddSeconds(wait ?? 0);
            while (true)
            {
                var next = server.Store.Feed.Next;
                var batch = await feed.ReadAsync(connector, after ?? connector.Delivery.AckedSequence, limit ?? DefaultBatch, context.RequestAborted).ConfigureAwait(false);
                var left = deadline - server.Options.Time.GetUtcNow();
                if (batch.Items.Count > 0 || batch.More || left <= TimeSpan.Zero)
                {
                    return Results.Ok(new ConnectorAlertPage(ConnectorFeed.Shape(batch), ConnectorFeed.WriteCursor(batch.Position), batch.More));
                }

                // Nothing for it yet: wait for the next commit (or a second, for commits of other servers on the store).
                after = batch.Position;
                await FeedSignal.WaitAsync(next, left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1), context.RequestAborted).ConfigureAwait(false);
            }
        }).Answers<ConnectorAlertPage>().Own().Allow(ApiRole.Connector);

        app.MapPost(Path + "/ack", async (HttpContext context, Guid id) =>
        {
            var (body, problem) = await ApiJson.ReadAsync<ConnectorAck>(context).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            if (ConnectorFeed.ReadCursor(body!.Cursor ?? "") is not { } sequence)
            {
                return Problems.Invalid("cursor", $"'{body.Cursor}' is not a cursor this server gave");
            }

            if (sequence > await connectors.FeedHeadAsync(context.RequestAborted).ConfigureAwait(false))
            {
                return Problems.Invalid("cursor", $"the cursor is past the end of the change feed: it was not given by this server's store");
            }

            if (!await connectors.AcknowledgeAsync(id, sequence, server.HandOuts.UpTo(id, sequence), byWebhook: false, context.RequestAborted).ConfigureAwait(false))
            {
                return NoConnector(id);
            }

            server.HandOuts.Delivered(id, sequence);
            return Results.Ok(await ShapeAsync(server, connectors, (await connectors.GetAsync(id, context.RequestAborted).ConfigureAwait(false))!, context.RequestAborted).ConfigureAwait(false));
        }).Reads<ConnectorAck>().Answers<Connector>().Own().Allow(ApiRole.Connector);

        app.MapPut(Path + "/webhook", async (HttpContext context, Guid id) =>
        {
            var (body, problem) = await ApiJson.ReadAsync<ConnectorWebhook>(context).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var errors = new List<ProblemError>();
            if (!Uri.TryCreate(body!.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add(new ProblemError("invalid", $"url is an absolute http or https address; it was '{body.Url}'") { Path = "url" });
            }

            if (body.Secret is null || body.Secret.Length < MinSecretLength)
            {
                errors.Add(new ProblemError("invalid", $"secret has at least {MinSecretLength} characters") { Path = "secret" });
            }

            if (errors.Count > 0)
            {
                return Problems.Invalid(errors);
            }

            var sealedSecret = SecretSeal.Seal(server.SecretKey, WebhookSecretPurpose, id, body.Secret!);
            if (await connectors.SetWebhookAsync(id, url!.AbsoluteUri, sealedSecret, context.RequestAborted).ConfigureAwait(false) is not { } connector)
            {
                return NoConnector(id);
            }

            server.Webhooks.Wake(id);
            return Results.Ok(await ShapeAsync(server, connectors, connector, context.RequestAborted).ConfigureAwait(false));
        }).Reads<ConnectorWebhook>().Answers<Connector>().Own().Allow(ApiRole.Connector);

        app.MapDelete(Path + "/webhook", async (HttpContext context, Guid id) =>
        {
            if (await connectors.SetWebhookAsync(id, null, null, context.RequestAborted).ConfigureAwait(false) is not { } connector)
            {
                return NoConnector(id);
            }

            server.Webhooks.Wake(id);
            return Results.Ok(await ShapeAsync(server, connectors, connector, context.RequestAborted).ConfigureAwait(false));
        }).Answers<Connector>().Own().Allow(ApiRole.Connector);

        app.MapGet("/api/v1/alerts/{id:guid}/forwarding", async (HttpContext context, Guid id) =>
        {
            if (await AlertEndpoints.FindAsync(server, id, context.RequestAborted).ConfigureAwait(false) is null)
            {
                return Problems.NotFound($"there is no alert {id}");
            }

            // Acknowledged (in the store) and outstanding (handed out by this server, not acknowledged), per connector.
            var acknowledged = (await connectors.ForwardingAsync(id, context.RequestAborted).ConfigureAwait(false)).ToDictionary(f => f.ConnectorId);
            var outstanding = server.HandOuts.Of(id).ToDictionary(o => o.Connector, o => o.HandOut);
            return Results.Ok(new ItemList<SdkForwarding>([.. acknowledged.Keys.Union(outstanding.Keys).Order().Select(connector =>
            {
                var done = acknowledged.GetValueOrDefault(connector);
                return outstanding.TryGetValue(connector, out var handOut)
                    ? new SdkForwarding(connector, "pending", handOut.Attempts, done?.FirstSequence ?? handOut.First, handOut.Last, done?.DeliveredSequence ?? 0)
                    : new SdkForwarding(connector, "delivered", 0, done!.FirstSequence, done.DeliveredSequence, done.DeliveredSequence);
            })]));
        }).Answers<ItemList<SdkForwarding>>().Allow(ApiAuth.Readers);
    }

    /// <summary>A connector as the API gives it, with how its delivery stands.</summary>
    public static async Task<Connector> ShapeAsync(ManagementServer server, ConnectorStore connectors, StoredConnector c, CancellationToken cancellationToken)
    {
        var head = await connectors.FeedHeadAsync(cancellationToken).ConfigureAwait(false);
        var pending = server.HandOuts.Pending(c.Id);
        var d = c.Delivery;
        return ConnectorEndpoints.Shape(c) with
        {
            Delivery = new ConnectorDeliveryStatus(
                d.AckedSequence,
                Math.Max(0, head - d.AckedSequence),
                pending,
                d.Subscription is { } stored ? ConnectorSubscriptions.Read(stored) : null,
                d.WebhookUrl is { } url
                    ? new ConnectorWebhookStatus(url, d.WebhookFailures, d.WebhookLastError, d.WebhookLastAttempt, d.WebhookLastDelivery) { SenderFault = server.Webhooks.Counters(c.Id).LastFault }
                    : null),
        };
    }

    /// <summary>A Connector key reaches only the connector in the route's <c>id</c>.</summary>
    public static TBuilder Own<TBuilder>(this TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            if (ApiAuth.Identity(context.HttpContext) is { Role: ApiRole.Connector } identity
                && (!Guid.TryParse(context.HttpContext.Request.RouteValues["id"] as string, out var id) || identity.ConnectorId != id))
            {
                return Problems.Result(StatusCodes.Status403Forbidden, "Forbidden",
                    $"the key '{identity.Name}' has the role Connector and reaches only its own connector {identity.ConnectorId}");
            }

            return await next(context).ConfigureAwait(false);
        });

    private static IResult NoConnector(Guid id) => Problems.NotFound($"there is no connector {id}");
}
