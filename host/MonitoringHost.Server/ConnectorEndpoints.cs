using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;

namespace MonitoringHost.Server;

/// <summary>
/// The connector registry (API.md "Connectors"): register (idempotent by id; the first registration returns the
/// connector's API key, in the Connector role and bound to it, this once), read, enable, disable and delete. Deleting
/// a connector revokes its keys and removes the objects and relationships only it claimed (its
/// <c>connector:{id}</c> discovery source). A Connector key reads only its own connector.
/// </summary>
internal static class ConnectorEndpoints
{
    private const string Path = "/api/v1/connectors";
    private const int MaxNameLength = 128;
    private const int MaxDisplayNameLength = 256;
    private const int MaxDescriptionLength = 4000;

    public static void MapConnectors(this WebApplication app, ManagementServer server)
    {
        var connectors = ConnectorStore.For(server.Store);

        app.MapPost(Path, async (HttpContext context) =>
        {
            var (body, problem) = await ApiJson.ReadAsync<ConnectorRegistration>(context).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var errors = Check(body!);
            if (errors.Count > 0)
            {
                return Problems.Invalid(errors);
            }

            var by = ApiAuth.Identity(context).Name;
            var definition = new ConnectorDefinition(body!.Id ?? Guid.CreateVersion7(server.Options.Time.GetUtcNow()), body.Name, body.DisplayName ?? body.Name, body.Description, body.OwnsDiscoveryData ?? false, by);
            StoredConnector connector;
            bool created;
            try
            {
                (connector, created) = await connectors.RegisterAsync(definition, context.RequestAborted).ConfigureAwait(false);
            }
            catch (ConnectorNameTakenException e)
            {
                return Problems.Conflict($"{e.Message}; register under another name, or under that connector's id to change it");
            }

            if (!created)
            {
                return Results.Ok(new ConnectorRegistered(connector.Id, null, Shape(connector)));
            }

            CreatedApiKey key;
            try
            {
                key = await server.Keys.CreateAsync(KeyName(connector.Id), ApiRole.Connector, by, connector.Id, CancellationToken.None).ConfigureAwait(false);
            }
            catch (ApiKeyNameTakenException e)
            {
                // Without its key the connector is of no use: the registration is undone so that the request changes nothing.
                await connectors.DeleteAsync(connector.Id, CancellationToken.None).ConfigureAwait(false);
                return Problems.Conflict($"{e.Message}; the connector's key takes that name, so the connector was not registered");
            }

            return Results.Created($"{Path}/{connector.Id}", new ConnectorRegistered(connector.Id, key.Key, Shape(connector)));
        }).Reads<ConnectorRegistration>().Answers<ConnectorRegistered>(StatusCodes.Status201Created).Allow();

        app.MapGet(Path, async (HttpContext context) =>
        {
            var own = ApiAuth.Identity(context) is { Role: ApiRole.Connector } identity ? identity.ConnectorId : null;
            var all = await connectors.ListAsync(context.RequestAborted).ConfigureAwait(false);
            return Results.Ok(new ItemList<Connector>([.. all.Where(c => own is null || c.Id == own).Select(Shape)]));
        }).Answers<ItemList<Connector>>().Allow([.. ApiAuth.Readers, ApiRole.Connector]);

        app.MapGet(Path + "/{id:guid}", async (HttpContext context, Guid id) =>
            await connectors.GetAsync(id, context.RequestAborted).ConfigureAwait(false) is { } connector
                ? Results.Ok(await ConnectorDeliveryEndpoints.ShapeAsync(server, connectors, connector, context.RequestAborted).ConfigureAwait(false))
                : Problems.NotFound($"there is no connector {id}"))
            .Answers<Connector>().Own().Allow([.. ApiAuth.Readers, ApiRole.Connector]);

        foreach (var (verb, enabled) in new[] { ("enable", true), ("disable", false) })
        {
            app.MapPost($"{Path}/{{id:guid}}:{verb}", async (HttpContext context, Guid id) =>
            {
                if (await connectors.SetEnabledAsync(id, enabled, context.RequestAborted).ConfigureAwait(false) is not { } connector)
                {
                    return Problems.NotFound($"there is no connector {id}");
                }

                server.Webhooks.Wake(id);
                return Results.Ok(await ConnectorDeliveryEndpoints.ShapeAsync(server, connectors, connector, context.RequestAborted).ConfigureAwait(false));
            }).Answers<Connector>().Allow();
        }

        app.MapDelete(Path + "/{id:guid}", async (HttpContext context, Guid id) =>
        {
            if (await connectors.GetAsync(id, context.RequestAborted).ConfigureAwait(false) is not { } deleting)
            {
                return Problems.NotFound($"there is no connector {id}");
            }

            // Its keys go first, so that it pushes nothing while what it claimed is removed.
            foreach (var key in await server.Keys.ListAsync(context.RequestAborted).ConfigureAwait(false))
            {
                if (key.ConnectorId == id && key.Revoked is null)
                {
                    await server.Keys.RevokeAsync(key.Id.ToString(), context.RequestAborted).ConfigureAwait(false);
                }
            }

            // An empty snapshot of its source releases every claim it had: what no other source claims is removed.
            await server.Space.ApplyAsync(new DiscoveryData(DiscoveryMode.Snapshot, DiscoverySource.Connector(id), [], []), context.RequestAborted).ConfigureAwait(false);
            await server.Engine.FlushAsync().ConfigureAwait(false);

            // Open alerts marked for it are released; then the connector goes, with its forwarding records. Each step
            // is its own transaction and the connector is deleted last: a DELETE cut short is finished by repeating it.
            await server.Engine.ReleaseConnectorAsync(id, deleting.Name).ConfigureAwait(false);
            await connectors.DeleteAsync(id, context.RequestAborted).ConfigureAwait(false);
            server.HandOuts.Forget(id);
            server.Webhooks.Wake(id);
            return Results.NoContent();
        }).Allow();
    }

    /// <summary>The name of the API key a connector gets: one per connector, and not a GUID (key names may not be).</summary>
    private static string KeyName(Guid connector) => $"connector:{connector}";

    private static List<ProblemError> Check(ConnectorRegistration body)
    {
        var errors = new List<ProblemError>();
        if (body.Id == Guid.Empty)
        {
            errors.Add(Problems.Field("id", "id is a GUID other than the empty one, or left out for the server to choose"));
        }

        CheckText(errors, "name", body.Name, MaxNameLength, required: true);
        CheckText(errors, "displayName", body.DisplayName, MaxDisplayNameLength, required: false);
        if (body.Description is { Length: > MaxDescriptionLength })
        {
            errors.Add(Problems.Field("description", $"description has at most {MaxDescriptionLength} characters; it has {body.Description.Length}"));
        }

        return errors;
    }

    private static void CheckText(List<ProblemError> errors, string path, string? value, int maxLength, bool required)
    {
        if (value is null && !required)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(value) || value.Length > maxLength || value.Trim().Length != value.Length || value.Any(char.IsControl))
        {
            errors.Add(Problems.Field(path, $"{path} has 1 to {maxLength} characters, no control characters and no surrounding spaces; it was '{value}'"));
        }
    }

    public static Connector Shape(StoredConnector c) =>
        new(c.Id, c.Name, c.DisplayName, c.Description, c.OwnsDiscoveryData, c.Enabled, c.Created, c.CreatedBy, c.Modified);
}
