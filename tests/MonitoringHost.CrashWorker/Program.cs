using System.Globalization;
using MonitoringHost.CrashWorker;
using MonitoringHost.Storage;

// A process that applies discovery snapshots forever and says "committed N" after each one returns, so that a test
// can kill it at any moment and then check what the store kept.
// Usage: MonitoringHost.CrashWorker <sqlite|postgres> <connection string> <repository root>
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: MonitoringHost.CrashWorker <sqlite|postgres> <connection string> <repository root>");
    return 2;
}

var options = new StoreOptions
{
    Provider = args[0] == "postgres" ? StoreProvider.Postgres : StoreProvider.Sqlite,
    ConnectionString = args[1],
};
var classes = CrashModel.Load(args[2]);
await using var store = await InstanceStoreFactory.OpenAsync(options, CancellationToken.None);
using var space = await MonitoringHost.Discovery.Instances.InstanceSpace.OpenAsync(classes, store, TimeProvider.System, CancellationToken.None);
var generation = CrashModel.CurrentGeneration(space);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"started at {generation}"));
while (true)
{
    generation++;
    await space.ApplyAsync(CrashModel.Snapshot(generation), CancellationToken.None);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"committed {generation}"));
}
