using System.Globalization;
using MonitoringHost.CrashWorker;
using MonitoringHost.Storage;

// A process that changes the store forever and says what it has committed, so that a test can kill it at any
// moment and then check what the store kept.
//   MonitoringHost.CrashWorker <sqlite|postgres> <connection string> <repository root>
//     applies discovery snapshots and prints "committed N" after each one returns.
//   MonitoringHost.CrashWorker operations <sqlite|postgres> <connection string> <repository root>
//     runs the operations engine and its workflows under load (OperationsLoad) and prints what each call returned.
var operationsMode = args.Length == 4 && args[0] == "operations";
if (args.Length != 3 && !operationsMode)
{
    Console.Error.WriteLine("usage: MonitoringHost.CrashWorker [operations] <sqlite|postgres> <connection string> <repository root>");
    return 2;
}

var rest = operationsMode ? args[1..] : args;
var options = new StoreOptions
{
    Provider = rest[0] == "postgres" ? StoreProvider.Postgres : StoreProvider.Sqlite,
    ConnectionString = rest[1],
};
await using var store = await InstanceStoreFactory.OpenAsync(options, CancellationToken.None);
if (operationsMode)
{
    await using var operations = await CrashOperations.StartAsync(store, CrashHealthModel.Load(rest[2]), runWorkflows: true, CancellationToken.None);
    await operations.Space.ApplyAsync(CrashHealthModel.Snapshot(), CancellationToken.None);

    // The load starts once the workflows report, so that every run sees monitors change.
    await operations.FirstDetection.WaitAsync(TimeSpan.FromSeconds(30));
    await operations.Engine.FlushAsync();
    Console.WriteLine("started");
    await new OperationsLoad(operations).RunAsync();
    return 0;
}

var classes = CrashModel.Load(rest[2]);
using var space = await MonitoringHost.Discovery.Instances.InstanceSpace.OpenAsync(classes, store, TimeProvider.System, CancellationToken.None);
var generation = CrashModel.CurrentGeneration(space);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"started at {generation}"));
while (true)
{
    generation++;
    await space.ApplyAsync(CrashModel.Snapshot(generation), CancellationToken.None);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"committed {generation}"));
}
