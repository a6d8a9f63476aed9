using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MonitoringHost.Runtime.Alerts;
using MonitoringHost.Storage;

namespace MonitoringHost.Server;

/// <summary>
/// Alert resolution states (API.md "Alerts"): 0 New and 255 Closed are fixed; an administrator adds the custom ones
/// (codes 1–254, names unique), which alerts can then be set to.
/// </summary>
internal static class ResolutionStateEndpoints
{
    public static void MapResolutionStates(this WebApplication app, ManagementServer server)
    {
        app.MapGet("/api/v1/resolution-states", async () =>
            Results.Ok(new Sdk.Contracts.ItemList<Sdk.Contracts.ResolutionState>([.. (await server.Engine.ResolutionStatesAsync().ConfigureAwait(false)).Select(Shape)])))
            .Answers<Sdk.Contracts.ItemList<Sdk.Contracts.ResolutionState>>().Allow(ApiAuth.Readers);

        app.MapPost("/api/v1/resolution-states", async (HttpContext context) =>
        {
            var (body, problem) = await ApiJson.ReadAsync<StateBody>(context).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            try
            {
                var state = await server.Engine.AddResolutionStateAsync(body!.Code, body.Name).ConfigureAwait(false);
                return Results.Created($"/api/v1/resolution-states/{state.Code}", Shape(state));
            }
            catch (InvalidAlertChangeException e)
            {
                return Problems.Invalid(e.Problems.Select(p => new Sdk.Contracts.ProblemError("invalid", p) { Path = p.Contains("name", StringComparison.Ordinal) ? "name" : "code" }));
            }
            catch (ResolutionStateConflictException e)
            {
                return Problems.Conflict(e.Message);
            }
        }).Reads<Sdk.Contracts.ResolutionState>().Answers<Sdk.Contracts.ResolutionState>(StatusCodes.Status201Created).Allow(ApiRole.Administrator);
    }

    private static Sdk.Contracts.ResolutionState Shape(ResolutionState state) => new(state.Code, state.Name);

    private sealed record StateBody(int Code, string Name);
}
