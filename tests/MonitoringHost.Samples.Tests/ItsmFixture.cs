using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Itsm.Connector;
using Itsm.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using MonitoringHost.Sdk;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;

namespace MonitoringHost.Samples.Tests;

/// <summary>
/// A real MonitoringHost server and the sample ITSM service, each on a free loopback port; the connector configured
/// from a configuration file as a user writes it (routing rule: Error alerts on Windows computers), registered with
/// an Administrator key file, and its sync; an operator's client and an ITSM analyst's calls.
/// </summary>
public abstract class ItsmFixture : IAsyncLifetime
{
    protected static readonly Guid ConnectorId = Guid.Parse("7c1f4b2e-3d5a-4e8b-9f60-2a1b3c4d5e6f");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"mh-itsm-{Guid.NewGuid():N}");
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private WebApplication _itsm = null!;
    private MonitoringHostClient _admin = null!;

    internal LoopbackServer Api { get; private set; } = null!;

    protected MonitoringHostClient Operator { get; private set; } = null!;

    /// <summary>The connector's client, with its own key.</summary>
    protected MonitoringHostClient Connector { get; private set; } = null!;

    protected ConnectorOptions Options { get; private set; } = null!;

    protected Uri ItsmUrl { get; private set; } = null!;

    /// <summary>What the first connection printed.</summary>
    protected string SetupOutput { get; private set; } = "";

    /// <summary>The configuration file.</summary>
    protected string ConfigFile => Path.Combine(_folder, "itsm-connector.json");

    /// <summary>
    /// The routing part of the configuration file: one rule by default (Error alerts on Windows computers, the
    /// connector's subscription too, as the union of one rule).
    /// </summary>
    protected virtual string Routing => """
        "routingRules": [ { "name": "Windows computer errors", "template": { "name": "Server incident", "urgency": "High" },
                            "severities": [ "Error" ], "classes": [ "Microsoft.Windows.Computer" ] } ]
        """;

    /// <summary>The computer discovered on start (web01.contoso.com).</summary>
    protected Guid Computer { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Api = await LoopbackServer.StartAsync();
        _admin = Api.ClientFor(await Api.KeyAsync("admin", ApiRole.Administrator));
        Operator = Api.ClientFor(await Api.KeyAsync("ops", ApiRole.Operator));
        Computer = await Api.DiscoverComputerAsync("web01.contoso.com");
        _itsm = ItsmServiceApp.Build(["--urls", "http://127.0.0.1:0"]);
        await _itsm.StartAsync();
        ItsmUrl = new Uri(_itsm.Urls.Single() + "/");
        await File.WriteAllTextAsync(Path.Combine(_folder, "admin.key"), await Api.KeyAsync("installer", ApiRole.Administrator) + "\n");
        await File.WriteAllTextAsync(ConfigFile, $$"""
            {
              "monitoringHostUrl": "{{Api.Url}}",
              "adminKeyFile": "admin.key",
              "apiKeyFile": "keys/itsm-connector.key",
              "connectorId": "{{ConnectorId}}",
              "connectorName": "Contoso.Itsm.IncidentSync",
              "itsmUrl": "{{ItsmUrl}}",
              {{Routing}},
              "assignedTo": "Service Desk",
              "acknowledgedResolutionState": 249,
              "closeAlertsWhenIncidentsResolved": true,
              "resolveIncidentsWhenAlertsClosed": true,
              "waitSeconds": 0,
              "stateFile": "itsm-connector.state.json"
            }
            """);
        Options = ConnectorOptions.Load(ConfigFile);
        using var output = new StringWriter();
        Connector = await ConnectorSetup.ConnectAsync(Options, Http, output, CancellationToken.None);
        SetupOutput = output.ToString();
    }

    public async Task DisposeAsync()
    {
        Connector.Dispose();
        Operator.Dispose();
        _admin.Dispose();
        await _itsm.StopAsync();
        await _itsm.DisposeAsync();
        await Api.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    protected MonitoringHostClient Admin => _admin;

    /// <summary>A sync as the connector's process has it after a (re)start: nothing in memory.</summary>
    protected IncidentSync NewSync() => new(Connector, new ItsmClient(Http, ItsmUrl), Options, NullLogger.Instance);

    /// <summary>One pass of a fresh sync, with no wait.</summary>
    protected Task SyncAsync() => NewSync().RunOnceAsync(null, CancellationToken.None);

    protected Task<MonitoringAlert> RaiseAsync(string name, string severity, string description = "") =>
        Operator.CreateAlertAsync(new NewAlert(name, severity, Computer, Description: description));

    /// <summary>An Error alert raised and synchronized once: the alert as raised and its incident.</summary>
    protected async Task<(MonitoringAlert Raised, Incident Incident)> ForwardedAsync(string name)
    {
        var raised = await RaiseAsync(name, "Error");
        await SyncAsync();
        return (raised, await IncidentOfAsync(raised.Id));
    }

    protected Task<MonitoringAlert> CloseAlertAsync(Guid id, string comment) =>
        Operator.UpdateAlertAsync(id, new AlertChange(ResolutionStates.Closed, Comment: comment));

    /// <summary>The incidents in the ITSM service (<c>GET /incidents</c> with <paramref name="query"/>).</summary>
    protected async Task<IReadOnlyList<Incident>> IncidentsAsync(string query = "")
    {
        using var response = await Http.GetAsync(new Uri(ItsmUrl, "incidents" + query));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<IncidentPage>(ItsmServiceApp.Json))!.Items;
    }

    /// <summary>The single incident raised from the alert.</summary>
    protected async Task<Incident> IncidentOfAsync(Guid alertId) => (await IncidentsAsync($"?sourceAlertId={alertId}")).Should().ContainSingle().Subject;

    /// <summary>An analyst's change in the ITSM service (<c>PATCH /incidents/{id}</c>).</summary>
    protected async Task<Incident> ChangeIncidentAsync(string id, string json)
    {
        var (status, body) = await SendItsmAsync(HttpMethod.Patch, $"incidents/{id}", json);
        status.Should().Be(HttpStatusCode.OK, body);
        return JsonSerializer.Deserialize<Incident>(body, ItsmServiceApp.Json)!;
    }

    /// <summary>A request to the ITSM service; its status and body.</summary>
    protected async Task<(HttpStatusCode Status, string Body)> SendItsmAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(ItsmUrl, path));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The alert's history entries made by the connector.</summary>
    protected async Task<IReadOnlyList<AlertHistoryEntry>> ConnectorEntriesAsync(Guid alertId) =>
        [.. (await Operator.GetAlertHistoryAsync(alertId)).Where(e => e.ByKind == "connector")];

    private sealed record IncidentPage(IReadOnlyList<Incident> Items);
}
