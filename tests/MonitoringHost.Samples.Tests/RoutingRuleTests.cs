using System.Diagnostics;
using Itsm.Connector;
using Itsm.Service;
using MonitoringHost.Sdk.Contracts;

namespace MonitoringHost.Samples.Tests;

/// <summary>
/// Alert routing rules as Service Manager's alert connector has them: several rules, each with its incident template;
/// an alert takes the first rule it matches, one matching none the default template; a bad rule stops the connector.
/// </summary>
public sealed class RoutingRuleTests : ItsmFixture
{
    protected override string Routing => """
        "routingRules": [
          { "name": "Production errors",
            "template": { "name": "Server outage", "classification": "Hardware", "urgency": "High", "impact": "High", "supportGroup": "Tier 2 Servers" },
            "severities": [ "Critical" ], "customFields": { "customField2": "Production" } },
          { "name": "Runbook failures",
            "template": { "name": "Automation failure", "classification": "Software", "urgency": "Medium", "impact": "Low", "supportGroup": "Automation" },
            "criteria": "name LIKE 'Runbook%' AND priority >= 'Normal'" }
        ],
        "defaultTemplate": { "name": "Operations Manager incident", "classification": "Other", "urgency": "Low", "impact": "Medium", "supportGroup": "Service Desk" }
        """;

    [Fact]
    public async Task EachAlert_TakesTheTemplateOfTheFirstRuleItMatches_AndOneMatchingNone_TheDefaultTemplate()
    {
        var production = await Operator.CreateAlertAsync(new NewAlert("Disk array degraded", "Error", Computer) { CustomField2 = "Production" });
        var runbook = await Operator.CreateAlertAsync(new NewAlert("Runbook Nightly backup failed", "Warning", Computer, Priority: "High"));
        var both = await Operator.CreateAlertAsync(new NewAlert("Runbook Patch servers failed", "Error", Computer) { CustomField2 = "Production" });
        var neither = await Operator.CreateAlertAsync(new NewAlert("Runbook Cleanup slow", "Warning", Computer, Priority: "Low"));

        await SyncAsync();

        Fields(await IncidentOfAsync(production.Id)).Should().Be(("Server outage", "Hardware", "High", "High", "Tier 2 Servers"));
        Fields(await IncidentOfAsync(runbook.Id)).Should().Be(("Automation failure", "Software", "Medium", "Low", "Automation"));
        Fields(await IncidentOfAsync(both.Id)).Should().Be(("Server outage", "Hardware", "High", "High", "Tier 2 Servers"), "the first rule it matches wins");
        Fields(await IncidentOfAsync(neither.Id)).Should().Be(("Operations Manager incident", "Other", "Low", "Medium", "Service Desk"));
        (await IncidentsAsync()).Should().HaveCount(4);

        // The union of the two rules: the second leaves severity open, the first has no criteria: every alert.
        var subscription = (await Admin.GetConnectorAsync(ConnectorId)).Delivery!.Subscription!;
        (subscription.Severities, subscription.Classes, subscription.Criteria).Should().Be((null, null, null));
    }

    [Fact]
    public async Task RoutedIncidents_StillSynchronizeBothWays()
    {
        var runbook = await Operator.CreateAlertAsync(new NewAlert("Runbook Nightly backup failed", "Warning", Computer));
        var other = await RaiseAsync("Slow logon", "Information");
        await SyncAsync();
        var runbookIncident = await IncidentOfAsync(runbook.Id);
        var otherIncident = await IncidentOfAsync(other.Id);
        (runbookIncident.Template, otherIncident.Template).Should().Be(("Automation failure", "Operations Manager incident"));

        await ChangeIncidentAsync(runbookIncident.Id, """{ "status": "Resolved", "by": "ann" }""");
        await CloseAlertAsync(other.Id, "users can log on again");
        await SyncAsync();

        var closed = await Operator.GetAlertAsync(runbook.Id);
        (closed.ResolutionState, closed.TicketId).Should().Be((ResolutionStates.Closed, runbookIncident.Id));
        var resolved = await IncidentOfAsync(other.Id);
        (resolved.Status, resolved.ResolvedBy).Should().Be((IncidentStatus.Resolved, ItsmClient.Author));
    }

    [Fact]
    public async Task ABadRule_IsNamedWithItsField_AndTheConnectorDoesNotStart()
    {
        var file = Path.Combine(Path.GetDirectoryName(ConfigFile)!, "bad-rules.json");
        var other = Guid.NewGuid();
        await File.WriteAllTextAsync(file, $$"""
            {
              "monitoringHostUrl": "{{Api.Url}}", "itsmUrl": "{{ItsmUrl}}", "adminKeyFile": "admin.key", "apiKeyFile": "bad.key",
              "connectorId": "{{other}}", "connectorName": "Contoso.Itsm.Other",
              "routingRules": [
                { "name": "Web servers", "template": { "name": "Web", "urgency": "Urgent" }, "severities": [ "Fatal" ] },
                { "name": "Runbooks", "criteria": "name LIKE" },
                { "name": "web servers", "template": { "name": "Again" }, "customFields": { "customField11": "x" } }
              ],
              "defaultTemplate": { "impact": "Huge" }
            }
            """);

        var loading = () => ConnectorOptions.Load(file);

        loading.Should().Throw<ConnectorConfigurationException>().Which.Problems.Should().Equal(
            "$.routingRules[0].template.urgency: rule 'Web servers': 'Urgent' is not Low, Medium, High",
            "$.routingRules[0].severities[0]: rule 'Web servers': 'Fatal' is not one of Information, Warning, Error, Critical",
            "$.routingRules[1].template: rule 'Runbooks': an incident template is required",
            "$.routingRules[1].criteria: rule 'Runbooks': " + CriteriaMessage("name LIKE"),
            "$.routingRules[2].name: rule 'web servers': another rule has this name",
            "$.routingRules[2].customFields.customField11: rule 'web servers': there is no such field (customField1 to customField10)",
            "$.defaultTemplate.name: a template needs a name",
            "$.defaultTemplate.impact: 'Huge' is not Low, Medium, High");

        var (code, error) = await RunConnectorAsync(file);
        code.Should().Be(2);
        error.Should().Contain("$.routingRules[0].template.urgency: rule 'Web servers'");
        (await Admin.ListConnectorsAsync()).Select(c => c.Id).Should().Equal(ConnectorId);
        File.Exists(Path.Combine(Path.GetDirectoryName(file)!, "bad.key")).Should().BeFalse();
    }

    [Fact]
    public void TheShippedConfigurationFile_IsValid_AndRoutesAsItsReadmeSays()
    {
        var shipped = ConnectorOptions.Load(Path.Combine(RepositoryPaths.Root, "samples", "ItsmConnector", "Itsm.Connector", "itsm-connector.json"));
        var routing = shipped.Routing();
        MonitoringAlert Alert(string name, Severity severity, string className) => new(Guid.NewGuid(), name, "", severity, null, Priority.Normal, null, 0, null,
            Guid.NewGuid(), "web01", "web01", className, false, "", Guid.NewGuid(), 0, null, null)
        { TimeRaised = DateTimeOffset.UnixEpoch, TimeAdded = DateTimeOffset.UnixEpoch, LastModified = DateTimeOffset.UnixEpoch, LastModifiedBy = "ops" };

        routing.Route(Alert("Disk failed", Severity.Error, "Microsoft.Windows.Computer")).Rule!.Name.Should().Be("Critical server alerts");
        routing.Route(Alert("Runbook Backup failed", Severity.Warning, "Microsoft.Windows.Computer")).Rule!.Name.Should().Be("Runbook failures");
        var other = routing.Route(Alert("Slow logon", Severity.Warning, "Microsoft.Windows.Computer"));
        (other.Rule, other.Template!.Name).Should().Be((null, "Operations Manager incident"));
        shipped.Subscription!.Severities.Should().Equal("Error", "Warning");
    }

    private static (string?, string?, string?, string?, string?) Fields(Incident incident) =>
        (incident.Template, incident.Classification, incident.Urgency, incident.Impact, incident.SupportGroup);

    /// <summary>What the server's criteria grammar says about <paramref name="criteria"/> (the connector uses the same).</summary>
    private static string CriteriaMessage(string criteria)
    {
        try
        {
            AlertRecordCriteria.Schema.Compile(criteria);
        }
        catch (MonitoringHost.Runtime.Criteria.CriteriaException e)
        {
            return $"column {e.Problems[0].Position}: {e.Problems[0].Message}";
        }

        throw new InvalidOperationException($"'{criteria}' compiled");
    }

    /// <summary>Runs the connector's program (<c>dotnet Itsm.Connector.dll file</c>) until it exits; its exit code and stderr.</summary>
    private static async Task<(int Code, string Error)> RunConnectorAsync(string file)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Itsm.Connector.dll"));
        start.ArgumentList.Add(file);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        await output;
        return (process.ExitCode, await error);
    }
}
