using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Storage;

namespace MonitoringHost.Server;

/// <summary>
/// <c>POST /api/v1/discovery-data</c> (API.md "Classes and objects"): objects and relationships a client (an "sdk"
/// source named by the client) or a connector claims, applied whole in one transaction by the instance space, or
/// refused with every problem and its path. Administrator, Author and Operator keys push as any "sdk" source (as SCOM
/// lets any SDK client with the rights insert discovery data); a Connector key only as its own connector;
/// Administrator also as any connector. The response comes once the objects have their monitors (health) and show in
/// <c>GET /api/v1/objects</c>.
/// </summary>
internal static class DiscoveryDataEndpoints
{
    private const int MaxSdkIdLength = 256;

    public static void MapDiscoveryData(this WebApplication app, ManagementServer server)
    {
        app.MapPost("/api/v1/discovery-data", async (HttpContext context) =>
        {
            var (body, problem) = await ApiJson.ReadAsync<DiscoveryBody>(context).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var errors = new List<ProblemError>();
            var source = Source(body!.Source, errors);
            if (source is { } claimed && Refusal(ApiAuth.Identity(context), body.Source, claimed) is { } refusal)
            {
                return refusal;
            }

            DiscoveryMode? mode = string.Equals(body.Mode, "snapshot", StringComparison.OrdinalIgnoreCase) ? DiscoveryMode.Snapshot
                : string.Equals(body.Mode, "incremental", StringComparison.OrdinalIgnoreCase) ? DiscoveryMode.Incremental
                : null;
            if (mode is null)
            {
                errors.Add(Problems.Field("mode", $"mode must be snapshot or incremental; it was '{body.Mode}'"));
            }

            var reader = new BodyReader(server, errors);
            var objects = reader.Objects(body.Objects, "objects");
            var relationships = reader.Relationships(body.Relationships, "relationships");
            var removals = reader.Objects(body.Removals, "removals");
            var relationshipRemovals = reader.Relationships(body.RelationshipRemovals, "relationshipRemovals");
            if (errors.Count > 0)
            {
                return Problems.Invalid(errors);
            }

            var data = new DiscoveryData(mode!.Value, source!.Value, objects, relationships)
            {
                RemovedObjects = removals,
                RemovedRelationships = relationshipRemovals,
                RemovalsMustBeClaimed = true,
            };
            DiscoveryResult result;
            try
            {
                result = await server.Space.ApplyAsync(data, context.RequestAborted).ConfigureAwait(false);
            }
            catch (DiscoveryDataRejectedException rejected)
            {
                return Problems.Invalid(rejected.Problems.Select(p => Problems.Field(p.Path, p.Message)));
            }

            // The engine gives new objects their monitors as it takes the change: wait for it, so they have health now.
            await server.Engine.FlushAsync().ConfigureAwait(false);
            return Results.Ok(new DiscoveryDataApplied(
                source.Value.Value, result.Created, result.Updated, result.Removed, result.RelationshipsAdded, result.RelationshipsRemoved));
        }).Reads<Sdk.Contracts.DiscoveryDataSubmission>().Answers<Sdk.Contracts.DiscoveryDataApplied>().Allow(ApiRole.Author, ApiRole.Operator, ApiRole.Connector);
    }

    /// <summary>The source the data is claimed by: <c>sdk:{id}</c> or <c>connector:{id}</c>.</summary>
    private static DiscoverySource? Source(SourceBody source, List<ProblemError> errors)
    {
        if (string.Equals(source.Kind, "sdk", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(source.Id) || source.Id.Length > MaxSdkIdLength || source.Id.Any(char.IsControl))
            {
                errors.Add(Problems.Field("source.id", $"an sdk source needs an id naming the client: 1 to {MaxSdkIdLength} characters, no control characters"));
                return null;
            }

            return DiscoverySource.Sdk(source.Id);
        }

        if (string.Equals(source.Kind, "connector", StringComparison.OrdinalIgnoreCase))
        {
            if (!Guid.TryParse(source.Id, out var connector))
            {
                errors.Add(Problems.Field("source.id", $"a connector source's id is the connector's GUID; '{source.Id}' is not a GUID"));
                return null;
            }

            return DiscoverySource.Connector(connector);
        }

        errors.Add(Problems.Field("source.kind", $"source.kind must be sdk or connector; it was '{source.Kind}'"));
        return null;
    }

    /// <summary>403 when the key may not push as this source: connectors only as themselves, others not as a connector.</summary>
    private static IResult? Refusal(ApiKeyIdentity identity, SourceBody body, DiscoverySource source)
    {
        var isConnectorSource = source.Value.StartsWith("connector:", StringComparison.Ordinal);
        string? reason = identity.Role switch
        {
            ApiRole.Administrator => null,
            ApiRole.Connector when !isConnectorSource => $"the connector key '{identity.Name}' may push discovery data only as source kind connector with its own connector id",
            ApiRole.Connector when identity.ConnectorId is not { } own || DiscoverySource.Connector(own) != source =>
                $"the connector key '{identity.Name}' stands for connector {identity.ConnectorId?.ToString() ?? "(none)"}, not {body.Id}",
            ApiRole.Connector => null,
            _ when isConnectorSource => $"only that connector's key (or an Administrator) may push as connector {body.Id}; the key '{identity.Name}' has the role {identity.Role}",
            _ => null,
        };
        return reason is null ? null : Problems.Result(StatusCodes.Status403Forbidden, "Forbidden", reason);
    }

    /// <summary>Turns the body's objects and relationships into discovery data, noting what cannot be (a value that is an object or a list).</summary>
    private sealed class BodyReader(ManagementServer server, List<ProblemError> errors)
    {
        public List<ObjectData> Objects(IReadOnlyList<ObjectBody>? items, string path) =>
            items is null ? [] : [.. items.Select((item, i) => Object(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]")))];

        public List<RelationshipData> Relationships(IReadOnlyList<RelationshipBody>? items, string path) =>
            items is null
                ? []
                : [.. items.Select((item, i) =>
                {
                    var at = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
                    return new RelationshipData(RelationshipName(item.Type), Object(item.Source, at + ".source"), Object(item.Target, at + ".target"));
                })];

        private ObjectData Object(ObjectBody item, string path)
        {
            var properties = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (name, value) in item.Properties ?? [])
            {
                properties[name] = value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number => value.GetRawText(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Null => null,
                    _ => Invalid($"{path}.properties.{name}", $"a property value is a string, number, true, false or null, not {value.ValueKind.ToString().ToLowerInvariant()}"),
                };
            }

            return new ObjectData(ClassName(item.Class), properties, item.Host is null ? null : Object(item.Host, path + ".host"));
        }

        private string? Invalid(string path, string message)
        {
            errors.Add(Problems.Field(path, message));
            return null;
        }

        /// <summary>A class named by GUID becomes its name; a name (or an unknown GUID, reported later) stays as given.</summary>
        private string ClassName(string name) =>
            Guid.TryParse(name, out var id) && server.Classes.Classes.FirstOrDefault(c => c.Id == id) is { } type ? type.Name : name;

        private string RelationshipName(string name) =>
            Guid.TryParse(name, out var id) && server.Classes.Relationships.FirstOrDefault(r => r.Id == id) is { } type ? type.Name : name;
    }

    private sealed record DiscoveryBody(
        string Mode,
        SourceBody Source,
        IReadOnlyList<ObjectBody>? Objects = null,
        IReadOnlyList<RelationshipBody>? Relationships = null,
        IReadOnlyList<ObjectBody>? Removals = null,
        IReadOnlyList<RelationshipBody>? RelationshipRemovals = null);

    private sealed record SourceBody(string Kind, string Id);

    private sealed record ObjectBody(string Class, Dictionary<string, JsonElement>? Properties = null, ObjectBody? Host = null);

    private sealed record RelationshipBody(string Type, ObjectBody Source, ObjectBody Target);
}
