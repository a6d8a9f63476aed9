using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Sdk.Contracts;
using HealthState = MonitoringHost.Sdk.Contracts.HealthState;
using MonitoringObject = MonitoringHost.Sdk.Contracts.MonitoringObject;
using MonitoringHost.Runtime.Criteria;

namespace MonitoringHost.Server;

/// <summary><c>GET /api/v1/objects</c>: monitoring objects with their health, filtered by class and criteria, paged by an opaque cursor (API.md).</summary>
internal static class ObjectEndpoints
{

    public static void MapObjects(this WebApplication app, ManagementServer server)
    {
        app.MapGet("/api/v1/objects", async (HttpContext context, string? @class, bool? includeDerived, int? limit, string? cursor) =>
        {
            var (filter, criteriaProblem) = await CriteriaQuery.ReadAsync(context, () => Task.FromResult(ObjectCriteria.Schema(server.Classes))).ConfigureAwait(false);
            if (criteriaProblem is not null)
            {
                return criteriaProblem;
            }

            if (Problems.BadLimit(limit) is { } badLimit)
            {
                return badLimit;
            }

            if (@class is not null && server.Classes.Class(@class) is null)
            {
                return Problems.Result(StatusCodes.Status400BadRequest, "Bad Request", $"there is no class '{@class}'");
            }

            Guid? after = null;
            if (cursor is not null)
            {
                after = Guid.TryParseExact(cursor, "N", out var parsed)
                    ? parsed
                    : null;
                if (after is null)
                {
                    return Problems.Result(StatusCodes.Status400BadRequest, "Bad Request", $"cursor '{cursor}' is not one this server gave");
                }
            }

            var take = limit ?? Problems.DefaultLimit;
            var candidates = server.Space.OfClass(@class ?? "System.Entity", includeDerived ?? true)
                .Where(o => after is null || o.Id.CompareTo(after.Value) > 0)
                .OrderBy(o => o.Id);
            List<ObjectCriteriaItem> page;
            try
            {
                page = await MatchingAsync(server, candidates, filter, take + 1).ConfigureAwait(false);
            }
            catch (RegexMatchTimeoutException e)
            {
                return CriteriaQuery.TimedOut(e);
            }

            var items = page.Take(take).ToList();
            return Results.Ok(new ListPage<MonitoringObject>(
                [.. items.Select(o => Shape(server, o.Object, o.Health))],
                page.Count > take ? items[^1].Object.Id.ToString("N", CultureInfo.InvariantCulture) : null));
        }).Answers<Sdk.Contracts.ListPage<Sdk.Contracts.MonitoringObject>>().Allow(ApiAuth.Readers);

        app.MapGet("/api/v1/objects/{id:guid}", async (Guid id) =>
        {
            if (server.Space.Get(id) is not { } item)
            {
                return Problems.NotFound($"there is no object {id}");
            }

            var health = await server.Engine.SummaryAsync(id).ConfigureAwait(false);
            return Results.Ok(Shape(server, item, health) with
            {
                Relationships = [.. server.Space.RelationshipsOf(id).Select(r => new Relationship(r.TypeName, r.SourceId, r.TargetId))],
            });
        }).Answers<Sdk.Contracts.MonitoringObject>().Allow(ApiAuth.Readers);

        app.MapGet("/api/v1/objects/{id:guid}/health", async (Guid id) =>
            server.Space.Get(id) is null
                ? Problems.NotFound($"there is no object {id}")
                : await server.Engine.ExplorerAsync(id).ConfigureAwait(false) is { } tree
                    ? Results.Ok(Node(tree))
                    : Problems.NotFound($"object {id} has no monitors"))
            .Answers<Sdk.Contracts.HealthExplorerNode>().Allow(ApiAuth.Readers);

        app.MapGet("/api/v1/objects/{id:guid}/workflows", (Guid id) =>
        {
            if (server.Space.Get(id) is not { } target)
            {
                return Problems.NotFound($"there is no object {id}");
            }

            var instances = server.Host.InstancesOf(id).ToDictionary(i => i.Workflow.Id, StringComparer.Ordinal);
            return Results.Ok(new ItemList<ObjectWorkflow>([.. server.Host.Effective(target).Select(view =>
            {
                var instance = instances.GetValueOrDefault(view.WorkflowId);
                var reason = view.Reason ?? (instance is null ? server.Host.Problem(view.WorkflowId, id) : null);
                return new ObjectWorkflow(view.WorkflowId, (instance?.Workflow ?? view.Compiled)?.Kind.ToString() ?? "", instance is not null, reason,
                    instance?.Runs ?? 0, instance?.LastError, instance?.MonitorTypeState);
            })]));
        }).Answers<ItemList<ObjectWorkflow>>().Allow(ApiAuth.Readers);

        app.MapGet("/api/v1/objects/{id:guid}/state-changes", async (HttpContext context, Guid id, DateTimeOffset? since, int? limit) =>
        {
            if (server.Space.Get(id) is null)
            {
                return Problems.NotFound($"there is no object {id}");
            }

            if (Problems.BadLimit(limit) is { } badLimit)
            {
                return badLimit;
            }

            var changes = await server.Operations.ReadStateChangesAsync(id, since ?? DateTimeOffset.UnixEpoch, limit ?? Problems.DefaultLimit, context.RequestAborted).ConfigureAwait(false);
            return Results.Ok(new ItemList<StateChange>(
                [.. changes.Select(c => new StateChange(c.MonitorId, (HealthState)c.OldState, (HealthState)c.NewState, c.OldState.ToString(), c.NewState.ToString(), c.Time, c.Context))]));
        }).Answers<Sdk.Contracts.ItemList<Sdk.Contracts.StateChange>>().Allow(ApiAuth.Readers);
    }

    /// <summary>
    /// The first <paramref name="count"/> candidates the criteria matches (all of them without one), with their health,
    /// which criteria may name: health is read for a chunk of candidates at a time.
    /// </summary>
    private static async Task<List<ObjectCriteriaItem>> MatchingAsync(ManagementServer server, IEnumerable<Discovery.Instances.MonitoringObject> candidates, Func<ObjectCriteriaItem, bool>? filter, int count)
    {
        var matching = new List<ObjectCriteriaItem>(Math.Min(count, 1_000));
        foreach (var chunk in candidates.Chunk(filter is null ? count : 500))
        {
            var health = await server.Engine.SummariesAsync([.. chunk.Select(o => o.Id)]).ConfigureAwait(false);
            foreach (var candidate in chunk)
            {
                var item = new ObjectCriteriaItem(candidate, server.Classes.Class(candidate.ClassName)?.Id, health.GetValueOrDefault(candidate.Id));
                if (filter is null || filter(item))
                {
                    matching.Add(item);
                    if (matching.Count == count)
                    {
                        return matching;
                    }
                }
            }
        }

        return matching;
    }

    /// <summary>A node of the health explorer as API.md gives it.</summary>
    private static HealthExplorerNode Node(Runtime.Health.HealthExplorerNode node) => new(
        node.MonitorId,
        node.Name,
        node.Kind.ToString().ToLowerInvariant(),
        (HealthState)node.HealthState,
        node.HealthState.ToString(),
        node.LastChanged,
        [.. node.Children.Select(Node)]);

    private static MonitoringObject Shape(ManagementServer server, Discovery.Instances.MonitoringObject item, Runtime.Health.ObjectHealthSummary? health)
    {
        var state = health?.HealthState ?? ManagementPacks.Model.HealthState.Uninitialized;
        return new MonitoringObject(
            item.Id,
            server.Classes.Class(item.ClassName)?.Id,
            item.ClassName,
            item.DisplayName,
            item.Path,
            $"{item.ClassName}:{item.Path}",
            item.Properties.ToDictionary(p => p.Key, p => p.Value),
            item.HostId,
            (HealthState)state,
            state.ToString(),
            health?.InMaintenance ?? false,
            health?.IsAvailable ?? true,
            item.LastModified);
    }
}
