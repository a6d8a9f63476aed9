using System.Net;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;

namespace MonitoringHost.Sdk.Tests;

/// <summary>The client's maintenance calls against a real server on loopback.</summary>
public sealed class MonitoringHostClientMaintenanceTests : IAsyncLifetime
{
    private LoopbackServer _api = null!;
    private MonitoringHostClient _client = null!;
    private Guid _computer;

    public async Task InitializeAsync()
    {
        _api = await LoopbackServer.StartAsync();
        _client = _api.ClientFor(await _api.KeyAsync("ops", ApiRole.Operator));
        _computer = await _api.DiscoverComputerAsync("app01.contoso.com");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task StartChangeListStop()
    {
        var started = await _client.StartMaintenanceAsync(_computer, new MaintenanceStart("PlannedHardwareMaintenance", DurationMinutes: 60, Comment: "patching"));
        started.Entered.Should().Equal(_computer);

        var until = new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero);
        (await _client.ChangeMaintenanceAsync(_computer, new MaintenanceUpdate(until, "longer"))).ObjectId.Should().Be(_computer);

        var window = (await _client.ListMaintenanceAsync()).Should().ContainSingle().Subject;
        (window.ObjectId, window.RootObjectId, window.Until, window.Reason, window.Comment, window.By, window.Recursive).Should().Be(
            (_computer, _computer, until, "PlannedHardwareMaintenance", "longer", "ops", true));
        (await _client.GetObjectAsync(_computer)).InMaintenanceMode.Should().BeTrue();

        (await _client.StopMaintenanceAsync(_computer)).Left.Should().Equal(_computer);
        (await _client.ListMaintenanceAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Start_WithAReasonScomDoesNotHave_Is400_OnReason()
    {
        var refusal = (await _client.Invoking(c => c.StartMaintenanceAsync(_computer, new MaintenanceStart("Coffee", DurationMinutes: 5))).Should().ThrowAsync<MonitoringHostApiException>()).Which;

        refusal.Status.Should().Be(HttpStatusCode.BadRequest);
        refusal.Errors.Should().ContainSingle().Which.Path.Should().Be("reason");
        (await _client.ListMaintenanceAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Stop_WhenNotInMaintenance_Is404()
    {
        var refusal = (await _client.Invoking(c => c.StopMaintenanceAsync(_computer)).Should().ThrowAsync<MonitoringHostApiException>()).Which;

        refusal.Status.Should().Be(HttpStatusCode.NotFound);
    }
}
