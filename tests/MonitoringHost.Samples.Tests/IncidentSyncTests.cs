using Itsm.Service;
using MonitoringHost.Sdk.Contracts;

namespace MonitoringHost.Samples.Tests;

/// <summary>The ITSM sample end to end: a real server, the ITSM service and the connector's sync, all on loopback.</summary>
public sealed class IncidentSyncTests : ItsmFixture
{
    [Fact]
    public async Task AnAlertMatchingTheRoutingRule_BecomesAnIncident_AndItsIdIsWrittenBackAsTheTicket()
    {
        var matching = await RaiseAsync("Logical disk C: is full", "Error", "C: has 2% free space");
        var other = await RaiseAsync("Slow logon", "Warning");

        await SyncAsync();

        var incident = (await IncidentsAsync()).Should().ContainSingle().Subject;
        incident.Id.Should().MatchRegex("^INC[0-9]{6}$");
        (incident.Title, incident.Description, incident.AffectedCi, incident.SourceAlertId, incident.Status, incident.AssignedTo)
            .Should().Be(("Logical disk C: is full", "C: has 2% free space", "web01.contoso.com", matching.Id.ToString("D"), IncidentStatus.New, "Service Desk"));
        matching.MonitoringObjectDisplayName.Should().Be("web01.contoso.com");

        var alert = await Operator.GetAlertAsync(matching.Id);
        (alert.TicketId, alert.Owner, alert.ResolutionState, alert.CustomField1)
            .Should().Be((incident.Id, "Service Desk", 249, new Uri(ItsmUrl, "incidents/" + incident.Id).AbsoluteUri));
        var written = (await ConnectorEntriesAsync(matching.Id)).Should().ContainSingle().Subject;
        written.By.Should().Be(ConnectorId.ToString("D"));
        written.Comment.Should().Be($"Incident {incident.Id} created");
        written.Changes["ticketId"].Should().Equal(null, incident.Id);
        written.Changes["resolutionState"].Should().Equal("0", "249");
        (await Operator.GetAlertHistoryAsync(matching.Id)).Should().ContainSingle("reading the alert before writing records nothing");
        alert.Version.Should().Be(matching.Version + 1);

        var untouched = await Operator.GetAlertAsync(other.Id);
        (untouched.TicketId, untouched.ResolutionState, untouched.Version).Should().Be((null, 0, other.Version));
        (await IncidentsAsync($"?sourceAlertId={other.Id}")).Should().BeEmpty();

        // The write-back is not echoed to the connector, and the next pass finds nothing to do.
        (await Connector.GetConnectorAlertsAsync(ConnectorId)).Items.Should().BeEmpty();
        await SyncAsync();
        (await IncidentsAsync()).Should().ContainSingle().Which.Sequence.Should().Be(incident.Sequence);
        (await Operator.GetAlertAsync(matching.Id)).Version.Should().Be(alert.Version);
    }

    [Fact]
    public async Task AWaitingPass_OpensTheIncident_AsSoonAsTheAlertIsRaised()
    {
        var pass = NewSync().RunOnceAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        await Task.Delay(300);
        pass.IsCompleted.Should().BeFalse("no alert was raised yet");

        var raised = await RaiseAsync("Ping failed", "Error");
        await pass.WaitAsync(TimeSpan.FromSeconds(10));

        (await IncidentOfAsync(raised.Id)).Title.Should().Be("Ping failed");
    }

    [Fact]
    public async Task ResolvingTheIncident_ClosesTheAlert()
    {
        var (raised, incident) = await ForwardedAsync("Service W3SVC stopped");

        await ChangeIncidentAsync(incident.Id, """{ "status": "Resolved", "comment": "restarted the service", "by": "ann" }""");
        await SyncAsync();

        var alert = await Operator.GetAlertAsync(raised.Id);
        alert.ResolutionState.Should().Be(ResolutionStates.Closed);
        alert.TimeResolved.Should().NotBeNull();
        var closing = (await ConnectorEntriesAsync(raised.Id))[^1];
        closing.Comment.Should().Be($"Incident {incident.Id} resolved in ITSM by ann");
        closing.Changes["resolutionState"].Should().Equal("249", "255");
        var after = await IncidentOfAsync(raised.Id);
        (after.Status, after.ResolvedBy).Should().Be((IncidentStatus.Resolved, "ann"));

        // Again: the alert is closed once.
        await SyncAsync();
        (await Operator.GetAlertAsync(raised.Id)).Version.Should().Be(alert.Version);
    }

    [Fact]
    public async Task ClosingTheAlert_ResolvesItsIncident()
    {
        var (raised, before) = await ForwardedAsync("Database offline");

        var closed = await CloseAlertAsync(raised.Id, "brought it back online");
        await SyncAsync();

        var incident = await IncidentOfAsync(raised.Id);
        (incident.Id, incident.Status, incident.ResolvedBy).Should().Be((before.Id, IncidentStatus.Resolved, Itsm.Connector.ItsmClient.Author));
        incident.ResolvedAt.Should().NotBeNull();
        incident.Comments.Select(c => c.Text).Should().Contain("Alert closed in MonitoringHost by ops");

        // The incident's change does not come back to the alert.
        await SyncAsync();
        (await Operator.GetAlertAsync(raised.Id)).Version.Should().Be(closed.Version);
        (await IncidentOfAsync(raised.Id)).Sequence.Should().Be(incident.Sequence);
    }

    [Fact]
    public async Task TheAlertsOwner_AndTheIncidentsAssignee_FollowEachOther()
    {
        var (raised, incident) = await ForwardedAsync("Memory pressure");

        await Operator.UpdateAlertAsync(raised.Id, new AlertChange(Owner: "kim"));
        await SyncAsync();
        var reassigned = await IncidentOfAsync(raised.Id);
        (reassigned.AssignedTo, reassigned.Comments[^1].Text).Should().Be(("kim", "Alert owner set to kim in MonitoringHost by ops"));

        await ChangeIncidentAsync(incident.Id, """{ "assignedTo": "lee", "by": "lee" }""");
        await SyncAsync();
        var alert = await Operator.GetAlertAsync(raised.Id);
        (alert.Owner, alert.ResolutionState).Should().Be(("lee", 249));
        (await ConnectorEntriesAsync(raised.Id))[^1].Comment.Should().Be($"Incident {incident.Id} assigned to lee");

        // Neither change comes back: the next pass changes nothing on either side.
        await SyncAsync();
        (await Operator.GetAlertAsync(raised.Id)).Version.Should().Be(alert.Version);
        (await IncidentOfAsync(raised.Id)).AssignedTo.Should().Be("lee");
    }

    [Fact]
    public async Task AnIncidentResolved_WhileItsAlertWasUpdated_ClosesTheAlert()
    {
        var (raised, incident) = await ForwardedAsync("Certificate expires in 3 days");

        await Operator.UpdateAlertAsync(raised.Id, new AlertChange(Owner: "kim", Comment: "renewing"));
        await ChangeIncidentAsync(incident.Id, """{ "status": "Resolved", "comment": "renewed", "by": "ann" }""");
        await SyncAsync();

        var alert = await Operator.GetAlertAsync(raised.Id);
        (alert.ResolutionState, alert.Owner).Should().Be((ResolutionStates.Closed, "kim"));
        var after = await IncidentOfAsync(raised.Id);
        (after.Status, after.ResolvedBy).Should().Be((IncidentStatus.Resolved, "ann"));
    }

    [Fact]
    public async Task AnAlertClosed_WhileItsIncidentWasUpdated_ResolvesTheIncident_AndTheAlertIsNotReopened()
    {
        var (raised, incident) = await ForwardedAsync("Backup failed");

        await ChangeIncidentAsync(incident.Id, """{ "status": "Active", "assignedTo": "bob", "comment": "looking", "by": "bob" }""");
        var closed = await CloseAlertAsync(raised.Id, "the retry succeeded");
        await SyncAsync();

        var after = await IncidentOfAsync(raised.Id);
        (after.Status, after.AssignedTo, after.ResolvedBy).Should().Be((IncidentStatus.Resolved, "bob", Itsm.Connector.ItsmClient.Author));
        var alert = await Operator.GetAlertAsync(raised.Id);
        (alert.ResolutionState, alert.Owner, alert.Version).Should().Be((ResolutionStates.Closed, "Service Desk", closed.Version));
        (await Operator.GetAlertHistoryAsync(raised.Id))[^1].Comment.Should().Be("the retry succeeded");
    }

    [Fact]
    public async Task ABatchDeliveredAgain_AfterACrashBeforeItsAcknowledgement_OpensNoSecondIncident()
    {
        var raised = await RaiseAsync("Disk latency high", "Error");
        var batch = await Connector.GetConnectorAlertsAsync(ConnectorId);
        await NewSync().HandleAsync(batch.Items, CancellationToken.None);
        var incident = await IncidentOfAsync(raised.Id);

        // The process died before acknowledging: the same change comes again, to a process that remembers nothing.
        var again = await Connector.GetConnectorAlertsAsync(ConnectorId);
        again.Items.Select(i => (i.Id, i.ChangeSeq)).Should().Equal(batch.Items.Select(i => (i.Id, i.ChangeSeq)));
        again.Items[0].TicketId.Should().BeNull("the item is the alert as its creation left it");
        await SyncAsync();

        (await IncidentsAsync()).Should().ContainSingle().Which.Id.Should().Be(incident.Id);
        (await Operator.GetAlertAsync(raised.Id)).TicketId.Should().Be(incident.Id);
        (await ConnectorEntriesAsync(raised.Id)).Should().ContainSingle("the ticket is written once");
        (await Connector.GetConnectorAlertsAsync(ConnectorId)).Items.Should().BeEmpty("the pass acknowledged the batch");
    }

    [Fact]
    public async Task AnIncidentOpenedJustBeforeACrash_IsWrittenBack_NotOpenedAgain()
    {
        var raised = await RaiseAsync("Queue length above 1000", "Error");
        // What a crash between opening the incident and writing the ticket back leaves: an incident, no ticket.
        var (status, body) = await SendItsmAsync(HttpMethod.Post, "incidents",
            $$"""{ "title": "Queue length above 1000", "assignedTo": "Service Desk", "sourceAlertId": "{{raised.Id}}" }""");
        status.Should().Be(System.Net.HttpStatusCode.Created, body);

        await SyncAsync();

        var incident = (await IncidentsAsync()).Should().ContainSingle().Subject;
        var alert = await Operator.GetAlertAsync(raised.Id);
        (alert.TicketId, alert.ResolutionState).Should().Be((incident.Id, 249));
    }

    [Fact]
    public async Task AnAlertWithATicketFromElsewhere_GetsNoIncident()
    {
        var raised = await Operator.CreateAlertAsync(new NewAlert("Printer jam", "Error", Computer, TicketId: "CHG0042"));

        await SyncAsync();

        (await IncidentsAsync()).Should().BeEmpty();
        (await Operator.GetAlertAsync(raised.Id)).TicketId.Should().Be("CHG0042");
    }
}
