using System.Net;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;

namespace MonitoringHost.Sdk.Tests;

/// <summary>The client's pool and maintenance schedule calls against a real server on loopback.</summary>
public sealed class MonitoringHostClientHostTests : IAsyncLifetime
{
    private LoopbackClient _at = null!;

    private MonitoringHostClient Client => _at.Client;

    public async Task InitializeAsync() => _at = await LoopbackClient.StartAsync("ops", ApiRole.Operator, "sql01.contoso.com");

    public async Task DisposeAsync() => await _at.DisposeAsync();

    [Fact]
    public async Task Pool_IsTheServer_WithItsOwnObject()
    {
        var member = (await Client.GetPoolAsync()).Should().ContainSingle().Subject;

        var self = _at.Api.Server.Space.OfClass("Microsoft.SystemCenter.ManagementServer").Should().ContainSingle().Subject;
        (member.Name, member.ObjectId, member.Started).Should().Be((self.DisplayName, self.Id, _at.Api.Server.Started));
    }

    [Fact]
    public async Task Schedules_SaveListReplaceDelete()
    {
        var saved = await Client.SaveMaintenanceScheduleAsync(new MaintenanceSchedule("sql patching", "0 3 * * 6", 90, [_at.Computer], "PlannedApplicationMaintenance")
        {
            TimeZone = "America/New_York",
            Comment = "CU install",
        });

        saved.Id.Should().NotBeNull();
        (saved.TimeZone, saved.DurationMinutes, saved.Recursive, saved.Enabled, saved.Comment).Should().Be(("America/New_York", 90d, true, true, "CU install"));
        (await Client.ListMaintenanceSchedulesAsync()).Select(s => s.Id).Should().Equal(saved.Id);

        var replaced = await Client.SaveMaintenanceScheduleAsync(saved with { Enabled = false, Created = null, Modified = null });
        (replaced.Id, replaced.Enabled).Should().Be((saved.Id, false));
        replaced.Created!.Value.Should().BeCloseTo(saved.Created!.Value, TimeSpan.FromMilliseconds(1), "a replaced schedule keeps when it was created (stored to the microsecond)");

        await Client.DeleteMaintenanceScheduleAsync(saved.Id!.Value);
        (await Client.ListMaintenanceSchedulesAsync()).Should().BeEmpty();
        var gone = await FluentActions.Awaiting(() => Client.DeleteMaintenanceScheduleAsync(saved.Id.Value)).Should().ThrowAsync<MonitoringHostApiException>();
        gone.Which.Status.Should().Be(HttpStatusCode.NotFound);
    }
}
