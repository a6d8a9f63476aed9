using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MonitoringHost.Sdk.Contracts;

namespace MonitoringHost.Server;

/// <summary>
/// <c>GET /api/v1/pool</c> (API.md "Host"): the management servers of the pool, their heartbeats and what each runs.
/// A server runs alone on its store today, so the pool is this server, whose heartbeat is the moment it answers.
/// </summary>
internal static class PoolEndpoints
{
    public static void MapPool(this WebApplication app, ManagementServer server)
    {
        app.MapGet("/api/v1/pool", () =>
        {
            var name = server.Options.ServerName ?? SelfDiscovery.LocalName();
            var self = server.Space.OfClass(SelfDiscovery.ManagementServerClass).FirstOrDefault(o => o.DisplayName == name);
            var host = server.Host;
            return Results.Ok(new ItemList<PoolMember>(
            [
                new PoolMember(name, self?.Id, server.Started, server.Options.Time.GetUtcNow(), server.Space.Count, host.InstanceCount, host.RunsInProgress),
            ]));
        }).Answers<Sdk.Contracts.ItemList<Sdk.Contracts.PoolMember>>().Allow(ApiAuth.Readers);
    }
}
