using MonitoringHost.Discovery.Data;
using MonitoringHost.Runtime.Maintenance;
using MonitoringHost.Runtime.Operations;
using MonitoringHost.Runtime.Tests.Hosting;

namespace MonitoringHost.Runtime.Tests.Maintenance;

public sealed class MaintenanceManagerTests
{
    private static ObjectData Computer(string name) =>
        new("Microsoft.Windows.Computer", new Dictionary<string, string?> { ["PrincipalName"] = name, ["NetworkName"] = name });

    private static ObjectData Service(string computer, string name) =>
        new("Test.Runtime.Service", new Dictionary<string, string?> { ["ServiceName"] = name, ["Port"] = "80" }, Computer(computer));

    private static async Task<(RuntimeHarness Harness, MaintenanceManager Manager)> StartAsync()
    {
        var harness = await RuntimeHarness.StartAsync();
        await harness.DiscoverAsync(Computer("a.contoso.com"), Computer("b.contoso.com"), Service("a.contoso.com", "web"), Service("a.contoso.com", "db"));
        return (harness, new MaintenanceManager(harness.Space, harness.Time));
    }

    private static Guid Id(RuntimeHarness harness, string path) => harness.Space.OfClass("System.Entity").Single(o => o.Path == path).Id;

    [Fact]
    public async Task Start_Recursive_CoversEverythingTheObjectHosts_AtOnce()
    {
        var (harness, manager) = await StartAsync();
        await using var _ = harness;
        var a = Id(harness, "a.contoso.com");
        var batch = new OperationsBatch();
        var until = harness.Time.GetUtcNow().AddHours(2);

        var change = manager.Start(a, until, MaintenanceReason.PlannedHardwareMaintenance, "new disks", "ops", recursive: true, batch);

        var web = Id(harness, "a.contoso.com;web");
        var db = Id(harness, "a.contoso.com;db");
        change.Entered.Should().BeEquivalentTo([a, web, db]);
        change.Left.Should().BeEmpty();
        batch.MaintenanceStarted.Should().HaveCount(3).And.OnlyContain(w =>
            w.RootObjectId == a && w.Until == until && w.Start == harness.Time.GetUtcNow() && w.Reason == MaintenanceReason.PlannedHardwareMaintenance
            && w.Comment == "new disks" && w.By == "ops" && w.Recursive);
        manager.IsInMaintenance(Id(harness, "b.contoso.com")).Should().BeFalse();
        manager.NextExpiry.Should().Be(until);
    }

    [Fact]
    public async Task Start_OneLevel_CoversOnlyTheObject()
    {
        var (harness, manager) = await StartAsync();
        await using var _ = harness;
        var a = Id(harness, "a.contoso.com");

        var change = manager.Start(a, harness.Time.GetUtcNow().AddHours(1), MaintenanceReason.PlannedOther, null, "ops", recursive: false, new OperationsBatch());

        change.Entered.Should().Equal(a);
        manager.IsInMaintenance(Id(harness, "a.contoso.com;web")).Should().BeFalse();
    }

    [Fact]
    public async Task Start_BadRequests_AreRefusedWithTheReason_AndChangeNothing()
    {
        var (harness, manager) = await StartAsync();
        await using var _ = harness;
        var a = Id(harness, "a.contoso.com");
        var now = harness.Time.GetUtcNow();
        var batch = new OperationsBatch();
        manager.Start(a, now.AddHours(1), MaintenanceReason.PlannedOther, null, "ops", recursive: true, batch);
        batch = new OperationsBatch();

        manager.Invoking(m => m.Start(Guid.NewGuid(), now.AddHours(1), MaintenanceReason.PlannedOther, null, "ops", true, batch))
            .Should().Throw<MaintenanceException>().Where(e => e.Error == MaintenanceError.UnknownObject);
        manager.Invoking(m => m.Start(Id(harness, "b.contoso.com"), now, MaintenanceReason.PlannedOther, null, "ops", true, batch))
            .Should().Throw<MaintenanceException>().Where(e => e.Error == MaintenanceError.Invalid).WithMessage("*must end in the future*");
        manager.Invoking(m => m.Start(Id(harness, "b.contoso.com"), now.AddHours(1), (MaintenanceReason)99, null, "ops", true, batch))
            .Should().Throw<MaintenanceException>().WithMessage("'99' is not a maintenance reason");
        manager.Invoking(m => m.Start(a, now.AddHours(3), MaintenanceReason.PlannedOther, null, "ops", true, batch))
            .Should().Throw<MaintenanceException>().Where(e => e.Error == MaintenanceError.Conflict).WithMessage("a.contoso.com is already in maintenance until *; change that window instead");
        manager.Invoking(m => m.Stop(Id(harness, "a.contoso.com;web"), "ops", batch))
            .Should().Throw<MaintenanceException>().WithMessage("a.contoso.com;web is in maintenance through a.contoso.com; change or stop that one");
        manager.Invoking(m => m.Stop(Id(harness, "b.contoso.com"), "ops", batch))
            .Should().Throw<MaintenanceException>().Where(e => e.Error == MaintenanceError.NotInMaintenance);
        batch.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public async Task Change_MovesTheEndOfEveryCoveredObject_AndStopEndsThemNow()
    {
        var (harness, manager) = await StartAsync();
        await using var _ = harness;
        var a = Id(harness, "a.contoso.com");
        manager.Start(a, harness.Time.GetUtcNow().AddHours(1), MaintenanceReason.PlannedOther, null, "ops", true, new OperationsBatch());
        var later = harness.Time.GetUtcNow().AddHours(4);
        var batch = new OperationsBatch();

        manager.Change(a, later, "takes longer", "lead", batch);

        batch.MaintenanceStarted.Should().HaveCount(3).And.OnlyContain(w => w.Until == later && w.Comment == "takes longer" && w.By == "lead");
        harness.Time.Advance(TimeSpan.FromMinutes(30));
        batch = new OperationsBatch();
        var stopped = manager.Stop(a, "lead", batch);

        stopped.Left.Should().HaveCount(3);
        batch.MaintenanceEnded.Should().HaveCount(3).And.OnlyContain(e => e.Ended == harness.Time.GetUtcNow() && e.Window.By == "lead");
        manager.Active.Should().BeEmpty();
    }

    [Fact]
    public async Task Tick_EndsWindowsWhoseTimeIsUp_AtTheirEnd()
    {
        var (harness, manager) = await StartAsync();
        await using var _ = harness;
        var until = harness.Time.GetUtcNow().AddMinutes(10);
        manager.Start(Id(harness, "a.contoso.com"), until, MaintenanceReason.PlannedOther, null, "ops", false, new OperationsBatch());
        manager.Start(Id(harness, "b.contoso.com"), until.AddMinutes(10), MaintenanceReason.PlannedOther, null, "ops", false, new OperationsBatch());
        harness.Time.Advance(TimeSpan.FromMinutes(11));
        var batch = new OperationsBatch();

        var change = manager.Tick(batch);

        change.Left.Should().Equal(Id(harness, "a.contoso.com"));
        batch.MaintenanceEnded.Should().ContainSingle().Which.Ended.Should().Be(until);
        manager.IsInMaintenance(Id(harness, "b.contoso.com")).Should().BeTrue();
    }

    [Fact]
    public async Task Follow_ObjectDiscoveredBelowRecursiveMaintenance_JoinsIt_AndARemovedObjectLeaves()
    {
        var (harness, manager) = await StartAsync();
        await using var _ = harness;
        var a = Id(harness, "a.contoso.com");
        manager.Start(a, harness.Time.GetUtcNow().AddHours(1), MaintenanceReason.PlannedOther, null, "ops", true, new OperationsBatch());
        var changes = new List<Discovery.Instances.InstanceSpaceChange>();
        harness.Space.Changed += (_, change) => changes.Add(change);

        // The snapshot adds a service and drops db.
        await harness.DiscoverAsync(Computer("a.contoso.com"), Computer("b.contoso.com"), Service("a.contoso.com", "web"), Service("a.contoso.com", "cache"));
        var batch = new OperationsBatch();
        var followed = changes.Select(c => manager.Follow(c, batch)).ToList();

        var cache = Id(harness, "a.contoso.com;cache");
        followed.SelectMany(f => f.Entered).Should().Equal(cache);
        followed.SelectMany(f => f.Left).Should().ContainSingle();
        manager.WindowOf(cache)!.RootObjectId.Should().Be(a);
        manager.Active.Select(w => w.ObjectId).Should().BeEquivalentTo([a, Id(harness, "a.contoso.com;web"), cache]);
    }

    [Fact]
    public async Task Schedule_StartsItsWindowWhenItsTimeComes_AndEndsItAfterItsDuration()
    {
        var (harness, manager) = await StartAsync();
        await using var _ = harness;
        var b = Id(harness, "b.contoso.com");

        // The harness clock starts at 2026-11-30T00:00Z = 01:00 in Berlin; the window is 01:30–02:30 Berlin time.
        var schedule = new MaintenanceSchedule(Guid.NewGuid(), "nightly patching", "30 1 * * *", "Europe/Berlin",
            TimeSpan.FromHours(1), [b], Recursive: true, MaintenanceReason.PlannedOperatingSystemReconfiguration, "patches", Enabled: true, RuntimeHarness.Start, RuntimeHarness.Start);
        manager.SetSchedules([schedule]);
        manager.NextScheduledStart().Should().Be(RuntimeHarness.Start.AddMinutes(30));

        manager.Tick(new OperationsBatch()).Entered.Should().BeEmpty();
        harness.Time.Advance(TimeSpan.FromMinutes(31));
        var batch = new OperationsBatch();
        var started = manager.Tick(batch);

        started.Entered.Should().Equal(b);
        batch.MaintenanceStarted.Should().ContainSingle().Which.Should().Be(new MaintenanceWindow(
            b, b, RuntimeHarness.Start.AddMinutes(30), RuntimeHarness.Start.AddMinutes(90), MaintenanceReason.PlannedOperatingSystemReconfiguration, "patches", "schedule:nightly patching", true));
        manager.Tick(new OperationsBatch()).Entered.Should().BeEmpty("the occurrence has started already");
        harness.Time.Advance(TimeSpan.FromMinutes(60));
        manager.Tick(new OperationsBatch()).Left.Should().Equal(b);
        manager.Tick(new OperationsBatch()).Entered.Should().BeEmpty("the next occurrence is tomorrow");
    }

    [Fact]
    public async Task SetSchedules_AnUnreadableRecurrence_IsRefusedNamingTheSchedule()
    {
        var (harness, manager) = await StartAsync();
        await using var _ = harness;
        var schedule = new MaintenanceSchedule(Guid.NewGuid(), "weekly", "FREQ=WEEKLY;BYDAY=SU", "Europe/Berlin",
            TimeSpan.FromHours(1), [], Recursive: true, MaintenanceReason.PlannedOther, null, Enabled: true, RuntimeHarness.Start, RuntimeHarness.Start);

        manager.Invoking(m => m.SetSchedules([schedule])).Should().Throw<FormatException>()
            .WithMessage("maintenance schedule 'weekly': an RRULE needs the start of its first occurrence (DTSTART)");
        MaintenanceManager.Read(schedule with { Recurrence = "DTSTART:20261129T020000\nRRULE:FREQ=WEEKLY;BYDAY=SU" })
            .Next(RuntimeHarness.Start).Should().Be(new DateTimeOffset(2026, 12, 6, 1, 0, 0, TimeSpan.Zero));
    }
}
