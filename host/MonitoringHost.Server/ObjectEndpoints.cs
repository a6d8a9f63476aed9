using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MonitoringHost.Discovery.Instances;

namespace MonitoringHost.Server;

/// <summary><c>GET /api/v1/objects</c>: monitoring objects with their health, paged by an opaque cursor (API.md).</summary>
internal static class ObjectEndpoints
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 5_000;

    public static void MapObjects(this WebApplication app, ManagementServer server)
    {
        app.MapGet("/api/v1/objects", async (HttpContext context, string? @class, bool? includeDerived, int? limit, string? cursor) =>
        {
            if (context.Request.Query.ContainsKey("criteria"))
            {
                return Problems.Result(StatusCodes.Status400BadRequest, "Bad Request", "criteria on objects is not supported yet; filter with class=");
            }

            if (limit is < 1 or > MaxLimit)
            {
                return Problems.Result(StatusCodes.Status400BadRequest, "Bad Request", $"limit must be from 1 to {MaxLimit} (it was {limit})");
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

            var take = limit ?? DefaultLimit;
            var page = server.Space.OfClass(@class ?? "System.Entity", includeDerived ?? true)
                .Where(o => after is null || o.Id.CompareTo(after.Value) > 0)
                .OrderBy(o => o.Id)
                .Take(take + 1)
                .ToList();
            var items = page.Take(take).ToList();
            var health = await server.Engine.SummariesAsync([.. items.Select(o => o.Id)]).ConfigureAwait(false);
            return Results.Ok(new
            {
                items = items.Select(o => Shape(server, o, health.GetValueOrDefault(o.Id))),
                nextCursor = page.Count > take ? items[^1].Id.ToString("N", CultureInfo.InvariantCulture) : null,
            });
        }).Allow(ApiAuth.Readers);

        app.MapGet("/api/v1/objects/{id:guid}", async (Guid id) =>
        {
            if (server.Space.Get(id) is not { } item)
            {
                return Problems.NotFound($"there is no object {id}");
            }

            var health = await server.Engine.SummaryAsync(id).ConfigureAwait(false);
            var shape = Shape(server, item, health);
            return Results.Ok(new
            {
                @object = shape,
                relationships = server.Space.RelationshipsOf(id).Select(r => new { type = r.TypeName, sourceId = r.SourceId, targetId = r.TargetId }),
            });
        }).Allow(ApiAuth.Readers);

        app.MapGet("/api/v1/objects/{id:guid}/health", async (Guid id) =>
            server.Space.Get(id) is null
                ? Problems.NotFound($"there is no object {id}")
                : await server.Engine.ExplorerAsync(id).ConfigureAwait(false) is { } tree
                    ? Results.Ok(Node(tree))
                    : Problems.NotFound($"object {id} has no monitors"))
            .Allow(ApiAuth.Readers);

        app.MapGet("/api/v1/objects/{id:guid}/state-changes", async (HttpContext context, Guid id, DateTimeOffset? since, int? limit) =>
        {
            if (server.Space.Get(id) is null)
            {
                return Problems.NotFound($"there is no object {id}");
            }

            if (limit is < 1 or > MaxLimit)
            {
                return Problems.Result(StatusCodes.Status400BadRequest, "Bad Request", $"limit must be from 1 to {MaxLimit} (it was {limit})");
            }

            var changes = await server.Operations.ReadStateChangesAsync(id, since ?? DateTimeOffset.UnixEpoch, limit ?? DefaultLimit, context.RequestAborted).ConfigureAwait(false);
            return Results.Ok(new
            {
                items = changes.Select(c => new
                {
                    monitorId = c.MonitorId,
                    oldState = (int)c.OldState,
                    newState = (int)c.NewState,
                    oldStateName = c.OldState.ToString(),
                    newStateName = c.NewState.ToString(),
                    time = c.Time.UtcDateTime,
                    context = c.Context,
                }),
            });
        }).Allow(ApiAuth.Readers);
    }

    /// <summary>A node of the health explorer as API.md gives it.</summary>
    private static object Node(Runtime.Health.HealthExplorerNode node) => new
    {
        monitorId = node.MonitorId,
        name = node.Name,
        kind = node.Kind.ToString().ToLowerInvariant(),
        healthState = (int)node.HealthState,
        healthStateName = node.HealthState.ToString(),
        lastChanged = node.LastChanged?.UtcDateTime,
        children = node.Children.Select(Node),
    };

    private static object Shape(ManagementServer server, MonitoringObject item, Runtime.Health.ObjectHealthSummary? health) => new
    {
        id = item.Id,
        classId = server.Classes.Class(item.ClassName)?.Id,
        className = item.ClassName,
        displayName = item.DisplayName,
        path = item.Path,
        fullName = $"{item.ClassName}:{item.Path}",
        properties = item.Properties.ToDictionary(p => p.Key, p => p.Value),
        hostId = item.HostId,
        healthState = (int)(health?.HealthState ?? ManagementPacks.Model.HealthState.Uninitialized),
        healthStateName = (health?.HealthState ?? ManagementPacks.Model.HealthState.Uninitialized).ToString(),
        inMaintenanceMode = health?.InMaintenance ?? false,
        isAvailable = health?.IsAvailable ?? true,
        lastModified = item.LastModified.UtcDateTime,
    };
}
