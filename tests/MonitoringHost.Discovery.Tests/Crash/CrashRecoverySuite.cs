using System.Globalization;
using MonitoringHost.CrashWorker;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Storage;
using MonitoringHost.Storage.Tests.Fixtures;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Discovery.Tests.Crash;

/// <summary>
/// A child process applies snapshots as fast as it can and reports each one it has committed; the test kills it
/// (SIGKILL) at a random moment, reopens the store, and checks that nothing acknowledged was lost and nothing was
/// half-applied: the store holds exactly one whole generation, the last acknowledged one or the one after it, with
/// no orphans. Repeated many times with a fixed seed.
/// </summary>
public abstract class CrashRecoverySuite
{
    private const int Kills = 12;

    protected abstract StoreProvider Provider { get; }

    [SkippableFact]
    public async Task KilledWhileApplyingSnapshots_RestartsConsistent_AndLosesNothingAcknowledged()
    {
        await using var location = await TestStores.CreateAsync(Provider);
        await location.CloseAsync();
        var classes = CrashModel.Load(RepositoryPaths.Root);
        var random = new Random(Provider == StoreProvider.Sqlite ? 17 : 29);
        var killedMidway = 0;

        for (var round = 0; round < Kills; round++)
        {
            var acknowledged = await RunAndKillAsync(location.Options, random.Next(150, 1200));

            var store = await location.ReopenAsync();
            using var space = await InstanceSpace.OpenAsync(classes, store, TimeProvider.System, CancellationToken.None);
            var generation = CrashModel.CurrentGeneration(space);
            generation.Should().BeOneOf([acknowledged, acknowledged + 1], $"round {round}: the last acknowledged generation was {acknowledged}");
            killedMidway += generation == acknowledged ? 1 : 0;
            AssertWholeGeneration(space, generation, round);
            await location.CloseAsync();
        }

        killedMidway.Should().BeGreaterThan(0, "some kills must land between two acknowledgements");
    }

    private static void AssertWholeGeneration(InstanceSpace space, long generation, int round)
    {
        var because = $"round {round} (generation {generation})";
        var apps = space.OfClass("Test.App");
        apps.Should().HaveCount(CrashModel.Computers, because);
        apps.Should().OnlyContain(a => a["Version"] == generation.ToString(CultureInfo.InvariantCulture), because);
        var components = space.OfClass("Test.Component");
        components.Should().HaveCount(CrashModel.Computers * CrashModel.ComponentsPerApp(generation), because);
        components.Should().OnlyContain(c => c["Size"] == generation.ToString(CultureInfo.InvariantCulture), because);
        space.OfClass("System.Entity").Where(o => o.HostId is { } host && space.Get(host) is null).Should().BeEmpty("no orphans: " + because);
        space.AllRelationships().Where(r => space.Get(r.SourceId) is null || space.Get(r.TargetId) is null).Should().BeEmpty(because);
        space.AllRelationships().Should().HaveCount(generation % 2 == 0 ? 1 : 0, because);
        space.OfClass("System.Entity").Where(o => space.ClaimsOn(o.Id).Count == 0).Should().BeEmpty("every object is claimed: " + because);
    }

    /// <summary>Starts the worker, kills it after <paramref name="afterMilliseconds"/> of applying, returns the last generation it acknowledged.</summary>
    private static async Task<long> RunAndKillAsync(StoreOptions options, int afterMilliseconds)
    {
        long acknowledged = -1;
        await CrashWorkerProcess.RunAndKillAsync("", options, afterMilliseconds, line =>
        {
            if (line.StartsWith("started at ", StringComparison.Ordinal))
            {
                Interlocked.Exchange(ref acknowledged, long.Parse(line["started at ".Length..], CultureInfo.InvariantCulture));
            }
            else if (line.StartsWith("committed ", StringComparison.Ordinal))
            {
                Interlocked.Exchange(ref acknowledged, long.Parse(line["committed ".Length..], CultureInfo.InvariantCulture));
            }
        });
        return Interlocked.Read(ref acknowledged);
    }
}

public sealed class SqliteCrashRecoveryTests : CrashRecoverySuite
{
    protected override StoreProvider Provider => StoreProvider.Sqlite;
}

public sealed class PostgresCrashRecoveryTests : CrashRecoverySuite
{
    protected override StoreProvider Provider => StoreProvider.Postgres;
}
