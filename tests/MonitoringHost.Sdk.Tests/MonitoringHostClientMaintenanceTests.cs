using System.Net;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;

namespace MonitoringHost.Sdk.Tests;

/// <summary>The client's maintenance calls against a real server on loopback.</summary>
public sealed class MonitoringHostClientMaintenanceTests : IAsyncLifetime
{
    private LoopbackClient _at = null!;

    private MonitoringHostClient Client => _at.Client;

    private Guid Computer => _at.Computer;

    public async Task InitializeAsync() => _at = await LoopbackClient.StartAsync("ops", ApiRole.Operator, "app01.contoso.com");

    public async Task DisposeAsync() => await _at.DisposeAsync();

    [Fact]
    public async Task StartChangeListStop()
    {
        var started = await Client.StartMaintenanceAsync(Computer, new MaintenanceStart("PlannedHardwareMaintenance", DurationMinutes: 60, Comment: "patching"));
        started.Entered.Should().Equal(Computer);

        var until = new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero);
        (await Client.ChangeMaintenanceAsync(Computer, new MaintenanceUpdate(until, "longer"))).ObjectId.Should().Be(Computer);

        var window = (await Client.ListMaintenanceAsync()).Should().ContainSingle().Subject;
        (window.ObjectId, window.RootObjectId, window.Until, window.Reason, window.Comment, window.By, window.Recursive).Should().Be(
            (Computer, Computer, until, "PlannedHardwareMaintenance", "longer", "ops", true));
        (await Client.GetObjectAsync(Computer)).InMaintenanceMode.Should().BeTrue();

        (await Client.StopMaintenanceAsync(Computer)).Left.Should().Equal(Computer);
        (await Client.ListMaintenanceAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Start_WithAReasonScomDoesNotHave_Is400_OnReason()
    {
        var refusal = (await Client.Invoking(c => c.StartMaintenanceAsync(Computer, new MaintenanceStart("Coffee", DurationMinutes: 5))).Should().ThrowAsync<MonitoringHostApiException>()).Which;

        refusal.Status.Should().Be(HttpStatusCode.BadRequest);
        refusal.Errors.Should().ContainSingle().Which.Path.Should().Be("reason");
        (await Client.ListMaintenanceAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Stop_WhenNotInMaintenance_Is404()
    {
        var refusal = (await Client.Invoking(c => c.StopMaintenanceAsync(Computer)).Should().ThrowAsync<MonitoringHostApiException>()).Which;

        refusal.Status.Should().Be(HttpStatusCode.NotFound);
    }
}
