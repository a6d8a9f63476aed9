using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using MonitoringHost.Storage;

namespace MonitoringHost.Server.Tests;

/// <summary>
/// Every endpoint under <c>/api/v1</c> against every role (API.md "Auth"): no key is 401, a role the endpoint does not
/// allow is 403, an allowed one gets past the check. The table below is the rule book; an endpoint missing from it
/// fails the test, so a new endpoint cannot ship without its roles being decided.
/// </summary>
public sealed partial class RoleRuleTests : IAsyncLifetime
{
    private const string Readers = "Administrator Author Operator ReadOnlyOperator";
    private const string Operators = "Administrator Operator";
    private const string AlertWriters = "Administrator Operator Connector";
    private const string Administrators = "Administrator";
    private const string Authors = "Administrator Author";
    private const string DiscoveryWriters = "Administrator Author Operator Connector";
    private const string ReadersAndConnectors = "Administrator Author Operator ReadOnlyOperator Connector";

    /// <summary>Who may call what: "METHOD route" → the roles allowed.</summary>
    private static readonly Dictionary<string, string> Rules = new()
    {
        ["POST /api/v1/management-packs"] = Authors,
        ["GET /api/v1/management-packs"] = Readers,
        ["GET /api/v1/management-packs/{name}"] = Readers,
        ["DELETE /api/v1/management-packs/{name}"] = Authors,
        ["GET /api/v1/classes"] = Readers,
        ["GET /api/v1/classes/{nameOrId}"] = Readers,
        ["GET /api/v1/objects"] = Readers,
        ["GET /api/v1/pool"] = Readers,
        ["GET /api/v1/objects/{id}"] = Readers,
        ["GET /api/v1/objects/{id}/health"] = Readers,
        ["GET /api/v1/objects/{id}/workflows"] = Readers,
        ["GET /api/v1/objects/{id}/state-changes"] = Readers,
        ["POST /api/v1/discovery-data"] = DiscoveryWriters,
        ["POST /api/v1/objects/{id}/events"] = AlertWriters,
        ["POST /api/v1/objects/{id}/performance"] = AlertWriters,
        ["GET /api/v1/objects/{id}/events"] = Readers,
        ["GET /api/v1/objects/{id}/performance"] = Readers,
        ["GET /api/v1/alerts"] = Readers,
        // A Connector key also reads the alerts its connector was given; any other (as here, an unknown one) is refused.
        ["GET /api/v1/alerts/{id}"] = Readers,
        ["GET /api/v1/alerts/{id}/history"] = Readers,
        ["GET /api/v1/alerts/{id}/knowledge"] = Readers,
        ["POST /api/v1/alerts"] = AlertWriters,
        ["PATCH /api/v1/alerts/{id}"] = AlertWriters,
        ["POST /api/v1/alerts:batchUpdate"] = AlertWriters,
        ["GET /api/v1/resolution-states"] = Readers,
        ["POST /api/v1/resolution-states"] = Administrators,
        ["POST /api/v1/objects/{id}/maintenance"] = Operators,
        ["PATCH /api/v1/objects/{id}/maintenance"] = Operators,
        ["DELETE /api/v1/objects/{id}/maintenance"] = Operators,
        ["GET /api/v1/maintenance"] = Readers,
        ["GET /api/v1/maintenance-schedules"] = Readers,
        ["GET /api/v1/maintenance-schedules/{id}"] = Readers,
        ["POST /api/v1/maintenance-schedules"] = Operators,
        ["DELETE /api/v1/maintenance-schedules/{id}"] = Operators,
        ["POST /api/v1/connectors"] = Administrators,
        ["GET /api/v1/connectors"] = ReadersAndConnectors,

        // A Connector key reads its own connector only: for any other id (as here) it is refused, saying its role.
        ["GET /api/v1/connectors/{id}"] = Readers,
        ["POST /api/v1/connectors/{id}:enable"] = Administrators,
        ["POST /api/v1/connectors/{id}:disable"] = Administrators,
        ["DELETE /api/v1/connectors/{id}"] = Administrators,

        // The same for what a connector does with its own deliveries: besides Administrators, only its own key.
        ["GET /api/v1/connectors/{id}/subscription"] = Readers,
        ["PUT /api/v1/connectors/{id}/subscription"] = Administrators,
        ["DELETE /api/v1/connectors/{id}/subscription"] = Administrators,
        ["GET /api/v1/connectors/{id}/alerts"] = Administrators,
        ["POST /api/v1/connectors/{id}/ack"] = Administrators,
        ["PUT /api/v1/connectors/{id}/webhook"] = Administrators,
        ["DELETE /api/v1/connectors/{id}/webhook"] = Administrators,
        ["GET /api/v1/alerts/{id}/forwarding"] = Readers,

        // Run As accounts: written by Administrators only; names and kinds (never values) readable by Authors.
        ["POST /api/v1/runas/accounts"] = Administrators,
        ["GET /api/v1/runas/accounts"] = Authors,
        ["DELETE /api/v1/runas/accounts/{id}"] = Administrators,
        ["GET /api/v1/runas/assignments"] = Authors,
        ["PUT /api/v1/runas/assignments"] = Administrators,
        ["DELETE /api/v1/runas/assignments"] = Administrators,

        ["POST /api/v1/computers:sweep"] = Authors,
        ["POST /api/v1/computers"] = Authors,
        ["GET /api/v1/computers"] = Readers,
        ["GET /api/v1/computers/{name}"] = Readers,
        ["DELETE /api/v1/computers/{name}"] = Authors,

        // A Connector key streams only the alert events of its own alerts.
        ["GET /api/v1/events"] = ReadersAndConnectors,
    };

    /// <summary>
    /// Queries for endpoints that would otherwise not end (streams): a bad parameter gets an allowed caller past the
    /// role check to a 400.
    /// </summary>
    private static readonly Dictionary<string, string> Queries = new()
    {
        ["GET /api/v1/events"] = "?since=-1",
    };

    private LoopbackServer _api = null!;
    private readonly Dictionary<ApiRole, string> _keys = [];

    public async Task InitializeAsync()
    {
        _api = await LoopbackServer.StartAsync();
        foreach (var role in Enum.GetValues<ApiRole>())
        {
            _keys[role] = await _api.KeyAsync($"role-{role}", role, role == ApiRole.Connector ? Guid.NewGuid() : null);
        }
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task EveryEndpoint_AnswersEachRole_AsTheRuleBookSays()
    {
        var endpoints = ((IEndpointRouteBuilder)_api.App).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1/", StringComparison.Ordinal) && e.RoutePattern.RawText != "/api/v1/health")
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Method: m, Route: Constraint().Replace(e.RoutePattern.RawText!, "}"))))
            .ToList();
        endpoints.Select(e => $"{e.Method} {e.Route}").Should().BeSubsetOf(Rules.Keys, "every endpoint needs a line in the rule book");
        var alertsBefore = (await _api.Server.Engine.OpenAlertsAsync()).Count;

        var wrong = new List<string>();
        foreach (var (method, route) in endpoints)
        {
            // Unknown ids: an allowed caller gets past the role check to a 4xx about the request, and nothing changes.
            var path = Parameter().Replace(route, Guid.NewGuid().ToString()) + Queries.GetValueOrDefault($"{method} {route}", "");
            var allowed = Rules[$"{method} {route}"].Split(' ');
            var (anonymous, _, anonymousResponse) = await _api.SendAsync(new HttpMethod(method), path);
            anonymousResponse.Dispose();
            if (anonymous != HttpStatusCode.Unauthorized)
            {
                wrong.Add($"{method} {path} without a key: {(int)anonymous}");
            }

            foreach (var (role, key) in _keys)
            {
                var (status, body, response) = await _api.SendAsync(new HttpMethod(method), path, key, method is "GET" or "DELETE" ? null : "{}");
                response.Dispose();
                var mayCall = allowed.Contains(role.ToString());
                if (mayCall ? status is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized : status != HttpStatusCode.Forbidden)
                {
                    wrong.Add($"{method} {route} as {role}: {(int)status}, expected {(mayCall ? "past the role check" : "403")}");
                }
                else if (!mayCall && !body.GetProperty("detail").GetString()!.Contains(role.ToString(), StringComparison.Ordinal))
                {
                    wrong.Add($"{method} {route} as {role}: the 403 does not say which role the key has");
                }
            }
        }

        wrong.Should().BeEmpty();
        (await _api.Server.Engine.OpenAlertsAsync()).Count.Should().Be(alertsBefore, "requests refused or about unknown ids change nothing");
    }

    [GeneratedRegex(":[a-z]+}")]
    private static partial Regex Constraint();

    [GeneratedRegex("\\{[a-zA-Z]+\\}")]
    private static partial Regex Parameter();
}
