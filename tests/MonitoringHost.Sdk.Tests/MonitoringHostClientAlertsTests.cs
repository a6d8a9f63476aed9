using System.Net;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;

namespace MonitoringHost.Sdk.Tests;

/// <summary>The client's alert calls against a real server on loopback, as a runbook makes them.</summary>
public sealed class MonitoringHostClientAlertsTests : IAsyncLifetime
{
    private LoopbackServer _api = null!;
    private MonitoringHostClient _client = null!;
    private Guid _computer;

    public async Task InitializeAsync()
    {
        _api = await LoopbackServer.StartAsync();
        _client = _api.ClientFor(await _api.KeyAsync("runbook", ApiRole.Operator));
        _computer = await _api.DiscoverComputerAsync("db01.contoso.com");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task CreateGetUpdateAndHistory()
    {
        var created = await _client.CreateAlertAsync(new NewAlert("Backup failed", "Error", _computer, Description: "job 42", Priority: "High") { CustomField1 = "job 42" });

        (created.Severity, created.SeverityName, created.Priority, created.ResolutionState, created.IsOpen).Should().Be((Severity.Error, "Error", Priority.High, ResolutionStates.New, true));
        (created.MonitoringObjectId, created.MonitoringObjectDisplayName, created.CustomField1, created.LastModifiedBy, created.Version).Should().Be(
            (_computer, "db01.contoso.com", "job 42", "runbook", 1L));

        var read = await _client.GetAlertWithETagAsync(created.Id);
        read.ETag.Should().Be("\"1\"");
        read.Value.Should().BeEquivalentTo(created);

        var updated = await _client.UpdateAlertAsync(created.Id, new AlertChange(249, "ann", "INC0042", "looking"), read.ETag);
        (updated.ResolutionState, updated.Owner, updated.TicketId, updated.Version).Should().Be((249, "ann", "INC0042", 2L));

        var stale = (await _client.Invoking(c => c.UpdateAlertAsync(created.Id, new AlertChange(Owner: "bob"), read.ETag)).Should().ThrowAsync<MonitoringHostApiException>()).Which;
        stale.Status.Should().Be(HttpStatusCode.Conflict);
        (await _client.GetAlertAsync(created.Id)).Owner.Should().Be("ann", "a refused change changes nothing");

        var entry = (await _client.GetAlertHistoryAsync(created.Id)).Should().ContainSingle().Subject;
        (entry.By, entry.ByKind, entry.Comment, entry.Version).Should().Be(("runbook", "user", "looking", 2L));
        entry.Changes["owner"].Should().Equal(null, "ann");
    }

    [Fact]
    public async Task ListAlerts_OpenOnly_WalksPages()
    {
        var first = await _client.CreateAlertAsync(new NewAlert("one", "Warning", _computer));
        var second = await _client.CreateAlertAsync(new NewAlert("two", "Information", _computer));
        await _client.UpdateAlertAsync(first.Id, new AlertChange(ResolutionStates.Closed, Comment: "done"));

        var open = new List<MonitoringAlert>();
        await foreach (var alert in _client.GetAlertsAsync(open: true, pageSize: 1))
        {
            open.Add(alert);
        }

        var all = await _client.ListAlertsAsync();

        open.Select(a => a.Id).Should().Equal(second.Id);
        all.Items.Select(a => a.Id).Should().BeEquivalentTo([first.Id, second.Id]);
        all.Items.Single(a => a.Id == first.Id).Should().Match<MonitoringAlert>(a => !a.IsOpen && a.ResolvedBy == "runbook" && a.TimeResolved != null);
    }

    [Fact]
    public async Task CreateAlert_WithBadInput_ListsEveryProblem_WithWhere()
    {
        var refusal = (await _client.Invoking(c => c.CreateAlertAsync(new NewAlert("", "Catastrophic", ObjectPath: "nowhere"))).Should().ThrowAsync<MonitoringHostApiException>()).Which;

        refusal.Status.Should().Be(HttpStatusCode.BadRequest);
        refusal.Errors.Select(e => (e.Path, e.Code)).Should().BeEquivalentTo([("objectPath", "unknown-object"), ("severity", "invalid"), ("name", "required")]);
        (await _client.ListAlertsAsync()).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task ResolutionStates_HaveNewAndClosed()
    {
        var states = await _client.GetResolutionStatesAsync();

        states.Should().Contain([new ResolutionState(0, "New"), new ResolutionState(255, "Closed")]);
    }
}
