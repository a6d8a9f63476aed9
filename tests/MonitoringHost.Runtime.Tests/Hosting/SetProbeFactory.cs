using System.Collections.Concurrent;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Runtime.Tests.Hosting;

/// <summary>
/// The test pack's <c>Test.Runtime.SetProbe</c>: answers each trigger with one set of property bags, a bag per
/// <c>name=State</c> pair of its Bags (<c>a=Down;b=Up</c>), as a provider returns one row per instance; no pairs, an
/// empty set. Counts its runs per Bags.
/// </summary>
internal sealed class SetProbeFactory : NativeModuleFactory
{
    public ConcurrentDictionary<string, int> Runs { get; } = new(StringComparer.Ordinal);

    public override string TypeId => "Test.Runtime.SetProbe";

    public override ModuleInstance Create(ModuleSetup setup) => new Module(this, setup.Configuration.Optional("Bags") ?? "");

    private sealed class Module(SetProbeFactory factory, string bags) : ModuleInstance
    {
        public override ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
        {
            factory.Runs.AddOrUpdate(bags, 1, (_, n) => n + 1);
            var items = bags.Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('='))
                .Select(pair => new PropertyBagData(input.Time, [new("Name", pair[0]), new("State", pair[1])]));
            output.EmitSet(new DataItemSet(input.Time, items));
            return ValueTask.CompletedTask;
        }
    }
}
