using System.Net;
using MonitoringHost.Sdk;
using MonitoringHost.Sdk.Contracts;

namespace MonitoringHost.Server.Tests.Connectors;

/// <summary>Which alert changes a connector receives: each criterion of a subscription, marking by hand, and what follows.</summary>
public sealed class SubscriptionTests : ConnectorFixture
{
    private static readonly string[] HostClass = ["Test.Sdk.VirtualizationHost"];

    /// <summary>Two computers, and a cluster containing a host that hosts a virtual machine.</summary>
    private async Task<(Guid Web, Guid Db, Guid Cluster, Guid Host, Guid Vm)> ObjectsAsync()
    {
        var web = await ComputerAsync("web01.contoso.com");
        var db = await ComputerAsync("db01.contoso.com");
        var host = new DiscoveredObject("Test.Sdk.VirtualizationHost", new Dictionary<string, string?> { ["HostName"] = "hv01" });
        var cluster = new DiscoveredObject("Test.Sdk.Cluster", new Dictionary<string, string?> { ["ClusterName"] = "c1" });
        var vm = new DiscoveredObject("Test.Sdk.VirtualMachine", new Dictionary<string, string?> { ["VmName"] = "vm1" }, host);
        var applied = await Admin.SubmitDiscoveryDataAsync(new DiscoveryDataSubmission("incremental", new DiscoverySourceRef("sdk", "vmm"), [cluster, host, vm],
            [new DiscoveredRelationship("Test.Sdk.ClusterContainsHost", cluster, host)]));
        applied.Created.Should().HaveCount(3);
        Guid Of(string name) => Api.Server.Space.OfClass("System.LogicalEntity").Single(o => o.DisplayName == name).Id;
        return (web, db, Of("c1"), Of("hv01"), Of("vm1"));
    }

    [Fact]
    public async Task EachCriterion_SelectsExactlyTheChangesOfItsAlerts()
    {
        var (web, db, cluster, host, vm) = await ObjectsAsync();
        var subscriptions = new Dictionary<string, ConnectorSubscription?>
        {
            ["groups"] = new(Groups: [cluster]),
            ["classes"] = new(Classes: ["System.Computer"]),
            ["hostClass"] = new(Classes: HostClass),
            ["severities"] = new(Severities: ["Error"]),
            ["priorities"] = new(Priorities: ["High", "low"]),
            ["resolutionStates"] = new(ResolutionStates: [249]),
            ["categories"] = new(Categories: ["operations"]),
            ["criteria"] = new(Criteria: "Severity = 'Error' AND MonitoringObjectDisplayName LIKE 'web%'"),
            ["combined"] = new(Classes: ["System.Computer"], Severities: ["Warning", "Error"], Priorities: ["Normal"]),
            ["everything"] = new(),
            ["none"] = null,
        };
        var connectors = new Dictionary<string, (Guid Id, MonitoringHostClient Client)>();
        foreach (var (name, subscription) in subscriptions)
        {
            connectors[name] = await RegisterAsync("Test." + name, subscription);
        }

        var a = await CreateAlertAsync(web, "A web", "Error", "High", "Custom");
        var b = await CreateAlertAsync(db, "B db", "Warning");
        await CreateAlertAsync(host, "C host", "Information", "Low", "Operations");
        await CreateAlertAsync(vm, "D vm", "Error");
        await Operator.UpdateAlertAsync(b.Id, new AlertChange(ResolutionState: 249, Comment: "looking"));
        await Operator.UpdateAlertAsync(a.Id, new AlertChange { ConnectorId = connectors["none"].Id });

        async Task<string[]> Received(string name)
        {
            var (id, client) = connectors[name];
            var (items, _) = await ReadAllAsync(client, id);
            return [.. items.Select(i => $"{i.Name.Split(' ')[0]}:{(i.Change == "alert.created" ? "new" : "upd")}")];
        }

        (await Received("groups")).Should().Equal("C:new", "D:new");
        (await Received("classes")).Should().Equal("A:new", "B:new", "B:upd", "A:upd");
        (await Received("hostClass")).Should().Equal("C:new");
        (await Received("severities")).Should().Equal("A:new", "D:new", "A:upd");
        (await Received("priorities")).Should().Equal("A:new", "C:new", "A:upd");
        (await Received("resolutionStates")).Should().Equal("B:upd");
        (await Received("categories")).Should().Equal("C:new");
        (await Received("criteria")).Should().Equal("A:new", "A:upd");
        (await Received("combined")).Should().Equal("B:new", "B:upd");
        (await Received("everything")).Should().Equal("A:new", "B:new", "C:new", "D:new", "B:upd", "A:upd");

        // Without a subscription, only the alert marked for it by hand, from the change that marked it.
        var marked = (await Received("none")).Should().ContainSingle().Subject;
        marked.Should().Be("A:upd");
    }

    [Fact]
    public async Task AnAlertHandedToAConnector_KeepsComing_WhenItNoLongerMatches()
    {
        var web = await ComputerAsync("web01.contoso.com");
        var (id, client) = await RegisterAsync("Test.NewErrors", new ConnectorSubscription(Severities: ["Error"], ResolutionStates: [0]));
        var alert = await CreateAlertAsync(web, "disk full", "Error");
        var first = await client.GetConnectorAlertsAsync(id);
        first.Items.Select(i => i.Id).Should().Equal(alert.Id);
        await client.AcknowledgeConnectorAlertsAsync(id, first.Cursor);

        await Operator.UpdateAlertAsync(alert.Id, new AlertChange(ResolutionState: 255, Comment: "fixed"));
        var warning = await CreateAlertAsync(web, "cpu", "Warning");
        await Operator.UpdateAlertAsync(warning.Id, new AlertChange(ResolutionState: 255));
        var untouched = await CreateAlertAsync(web, "memory", "Error");
        await Operator.UpdateAlertAsync(untouched.Id, new AlertChange(ResolutionState: 255));

        var (items, _) = await ReadAllAsync(client, id);
        items.Select(i => (i.Name, i.ResolutionState, i.Change)).Should().Equal(("disk full", 255, "alert.updated"), ("memory", 0, "alert.created"), ("memory", 255, "alert.updated"));
        items[0].ChangedByKind.Should().Be("user");
        items[0].Changes!["resolutionState"].Should().Equal("0", "255");
        items[0].Comment.Should().Be("fixed");
    }

    [Fact]
    public async Task BadSubscription_Is400WithEveryProblem_AndChangesNothing()
    {
        var (id, client) = await RegisterAsync("Test.Bad", new ConnectorSubscription(Severities: ["Error"]));
        var unknownObject = Guid.NewGuid();

        var refused = await FluentActions.Awaiting(() => client.SetConnectorSubscriptionAsync(id, new ConnectorSubscription(
            Groups: [unknownObject], Classes: ["System.Computer", "No.Such.Class"], Severities: ["Error", "Critical"], Priorities: ["Urgent"],
            ResolutionStates: [0, 77], Categories: [" "], Criteria: "Severity = 'Error' AND"))).Should().ThrowAsync<MonitoringHostApiException>();

        refused.Which.Status.Should().Be(HttpStatusCode.BadRequest);
        refused.Which.Problem!.Errors!.Select(e => e.Path).Should().BeEquivalentTo(
            "groups[0]", "classes[1]", "severities[1]", "priorities[0]", "resolutionStates[1]", "categories[0]", "criteria");
        refused.Which.Problem.Errors!.Single(e => e.Path == "classes[1]").Message.Should().Contain("No.Such.Class");
        (await client.GetConnectorSubscriptionAsync(id)).Severities.Should().Equal("Error");
    }

    [Fact]
    public async Task MarkingByHand_IsForExistingConnectors_AndAConnectorMarksOnlyForItself()
    {
        var web = await ComputerAsync("web01.contoso.com");
        var alert = await CreateAlertAsync(web, "disk full", "Error");
        var (mine, client) = await RegisterAsync("Test.Mine");
        var (other, _) = await RegisterAsync("Test.Other");

        var unknown = await FluentActions.Awaiting(() => Operator.UpdateAlertAsync(alert.Id, new AlertChange { ConnectorId = Guid.NewGuid() }))
            .Should().ThrowAsync<MonitoringHostApiException>();
        unknown.Which.Status.Should().Be(HttpStatusCode.BadRequest);
        unknown.Which.Problem!.Errors!.Single().Path.Should().Be("connectorId");
        var forbidden = await FluentActions.Awaiting(() => client.UpdateAlertAsync(alert.Id, new AlertChange { ConnectorId = other }))
            .Should().ThrowAsync<MonitoringHostApiException>();
        forbidden.Which.Status.Should().Be(HttpStatusCode.Forbidden);

        (await FluentActions.Awaiting(() => client.GetAlertAsync(alert.Id)).Should().ThrowAsync<MonitoringHostApiException>())
            .Which.Status.Should().Be(HttpStatusCode.Forbidden, "a connector reads only the alerts it was given");
        (await client.UpdateAlertAsync(alert.Id, new AlertChange { ConnectorId = mine })).ConnectorId.Should().Be(mine);
        (await client.GetAlertAsync(alert.Id)).Id.Should().Be(alert.Id);
        (await Operator.UpdateAlertAsync(alert.Id, new AlertChange { ConnectorId = Guid.Empty })).ConnectorId.Should().BeNull();
        var history = await Operator.GetAlertHistoryAsync(alert.Id);
        history.Select(h => h.Changes["connectorId"][1]).Should().Equal(mine.ToString(), null);
    }
}
