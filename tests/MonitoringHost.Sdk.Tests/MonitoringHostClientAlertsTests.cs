using System.Net;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;

namespace MonitoringHost.Sdk.Tests;

/// <summary>The client's alert calls against a real server on loopback, as a runbook makes them.</summary>
public sealed class MonitoringHostClientAlertsTests : IAsyncLifetime
{
    private LoopbackClient _at = null!;

    private MonitoringHostClient Client => _at.Client;

    private Guid Computer => _at.Computer;

    public async Task InitializeAsync() => _at = await LoopbackClient.StartAsync("runbook", ApiRole.Operator, "db01.contoso.com");

    public async Task DisposeAsync() => await _at.DisposeAsync();

    [Fact]
    public async Task CreateGetUpdateAndHistory()
    {
        var created = await Client.CreateAlertAsync(new NewAlert("Backup failed", "Error", Computer, Description: "job 42", Priority: "High") { CustomField1 = "job 42" });

        (created.Severity, created.SeverityName, created.Priority, created.ResolutionState, created.IsOpen).Should().Be((Severity.Error, "Error", Priority.High, ResolutionStates.New, true));
        (created.MonitoringObjectId, created.MonitoringObjectDisplayName, created.CustomField1, created.LastModifiedBy, created.Version).Should().Be(
            (Computer, "db01.contoso.com", "job 42", "runbook", 1L));

        var read = await Client.GetAlertWithETagAsync(created.Id);
        read.ETag.Should().Be("\"1\"");
        read.Value.Should().BeEquivalentTo(created);

        var updated = await Client.UpdateAlertAsync(created.Id, new AlertChange(249, "ann", "INC0042", "looking"), read.ETag);
        (updated.ResolutionState, updated.Owner, updated.TicketId, updated.Version).Should().Be((249, "ann", "INC0042", 2L));

        var stale = (await Client.Invoking(c => c.UpdateAlertAsync(created.Id, new AlertChange(Owner: "bob"), read.ETag)).Should().ThrowAsync<MonitoringHostApiException>()).Which;
        stale.Status.Should().Be(HttpStatusCode.Conflict);
        (await Client.GetAlertAsync(created.Id)).Owner.Should().Be("ann", "a refused change changes nothing");

        var entry = (await Client.GetAlertHistoryAsync(created.Id)).Should().ContainSingle().Subject;
        (entry.By, entry.ByKind, entry.Comment, entry.Version).Should().Be(("runbook", "user", "looking", 2L));
        entry.Changes["owner"].Should().Equal(null, "ann");
    }

    [Fact]
    public async Task ListAlerts_OpenOnly_WalksPages()
    {
        var first = await Client.CreateAlertAsync(new NewAlert("one", "Warning", Computer));
        var second = await Client.CreateAlertAsync(new NewAlert("two", "Information", Computer));
        await Client.UpdateAlertAsync(first.Id, new AlertChange(ResolutionStates.Closed, Comment: "done"));

        var open = new List<MonitoringAlert>();
        await foreach (var alert in Client.GetAlertsAsync(open: true, pageSize: 1))
        {
            open.Add(alert);
        }

        var all = await Client.ListAlertsAsync();

        open.Select(a => a.Id).Should().Equal(second.Id);
        all.Items.Select(a => a.Id).Should().BeEquivalentTo([first.Id, second.Id]);
        all.Items.Single(a => a.Id == first.Id).Should().Match<MonitoringAlert>(a => !a.IsOpen && a.ResolvedBy == "runbook" && a.TimeResolved != null);
    }

    [Fact]
    public async Task CreateAlert_WithBadInput_ListsEveryProblem_WithWhere()
    {
        var refusal = (await Client.Invoking(c => c.CreateAlertAsync(new NewAlert("", "Catastrophic", ObjectPath: "nowhere"))).Should().ThrowAsync<MonitoringHostApiException>()).Which;

        refusal.Status.Should().Be(HttpStatusCode.BadRequest);
        refusal.Errors.Select(e => (e.Path, e.Code)).Should().BeEquivalentTo([("objectPath", "unknown-object"), ("severity", "invalid"), ("name", "required")]);
        (await Client.ListAlertsAsync()).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task ResolutionStates_HaveNewAndClosed()
    {
        var states = await Client.GetResolutionStatesAsync();

        states.Should().Contain([new ResolutionState(0, "New"), new ResolutionState(255, "Closed")]);
    }
}
