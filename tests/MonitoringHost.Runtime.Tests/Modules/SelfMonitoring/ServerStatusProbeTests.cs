using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules.SelfMonitoring;

namespace MonitoringHost.Runtime.Tests.Modules.SelfMonitoring;

public sealed class ServerStatusProbeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Run_GivesRatesOverTheTimeSinceItsPreviousRun()
    {
        var readings = new Readings(
            new ServerStatus { StoreSizeBytes = 4096, RunsInProgress = 3, RunCapacity = 12, RunsStarted = 10, RunsFailed = 1, StartLagTotal = TimeSpan.FromSeconds(5), CommittedBatches = 7 },
            new ServerStatus { StoreSizeBytes = 8192, RunsInProgress = 12, RunCapacity = 12, RunsStarted = 14, RunsFailed = 4, StartLagTotal = TimeSpan.FromSeconds(25), CommittedBatches = 9 });
        var probe = new ServerStatusProbe(readings);

        var first = await RunAsync(probe);
        var second = await RunAsync(probe);

        first["StoreUnreachable"].Should().Be("0");
        first["StoreSizeBytes"].Should().Be("4096");
        first["BacklogPercent"].Should().Be("25");
        (first["Runs"], first["FailedRuns"], first["ProbeFailurePercent"], first["LagSeconds"]).Should().Be(("10", "1", "10", "0.5"), "the first run counts from the start");
        first["CommittedBatches"].Should().Be("7");

        second["StoreSizeBytes"].Should().Be("8192");
        second["BacklogPercent"].Should().Be("100");
        (second["Runs"], second["FailedRuns"], second["ProbeFailurePercent"], second["LagSeconds"]).Should().Be(("4", "3", "75", "5"));
        second["CommittedBatches"].Should().Be("2");
        second["CommitFailing"].Should().Be("0");
        second["CommitFailure"].Should().BeEmpty();
    }

    [Fact]
    public async Task Run_ReportsAStoreThatDoesNotAnswer_AndFailingCommits()
    {
        var probe = new ServerStatusProbe(new Readings(
            new ServerStatus { StoreError = "SqliteException: unable to open database file", CommitFailure = "SqliteException: disk I/O error", RunCapacity = 512 }));

        var bag = await RunAsync(probe);

        (bag["StoreUnreachable"], bag["StoreError"]).Should().Be(("1", "SqliteException: unable to open database file"));
        (bag["CommitFailing"], bag["CommitFailure"]).Should().Be(("1", "SqliteException: disk I/O error"));
        (bag["Runs"], bag["ProbeFailurePercent"], bag["LagSeconds"]).Should().Be(("0", "0", "0"), "no run ended, so none failed");
    }

    private static async Task<PropertyBagData> RunAsync(ServerStatusProbe probe)
    {
        var output = new RecordingOutput();
        await probe.RunAsync(new TriggerData(Now), output, CancellationToken.None);
        return output.Items.Should().ContainSingle().Which.Should().BeOfType<PropertyBagData>().Subject;
    }

    /// <summary>A server whose successive readings are given.</summary>
    private sealed class Readings(params ServerStatus[] readings) : IServerSelfStatus
    {
        private int _next;

        public Task<ServerStatus> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(readings[Math.Min(_next++, readings.Length - 1)]);
    }
}
