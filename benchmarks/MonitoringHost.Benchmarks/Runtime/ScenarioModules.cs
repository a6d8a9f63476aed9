using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Benchmarks.Runtime;

/// <summary>The scenario pack's <c>Benchmark.InProcessSource</c>: passes on the items the scenario hands it.</summary>
internal sealed class InProcessSourceFactory : NativeModuleFactory
{
    private static readonly Module Instance = new();

    public override string TypeId => "Benchmark.InProcessSource";

    public override ModuleInstance Create(ModuleSetup setup) => Instance;

    public override bool Shareable(ModuleConfiguration configuration) => true;

    private sealed class Module : ModuleInstance
    {
        public override ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
        {
            output.Emit(input);
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>The scenario pack's <c>Benchmark.Count</c> write action: counts the items that reach it.</summary>
internal sealed class CountFactory : NativeModuleFactory
{
    private readonly Module _module = new();

    public long Count => Interlocked.Read(ref _module.Count);

    public override string TypeId => "Benchmark.Count";

    public override ModuleInstance Create(ModuleSetup setup) => _module;

    public override bool Shareable(ModuleConfiguration configuration) => true;

    private sealed class Module : ModuleInstance
    {
        public long Count;

        public override ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Count);
            return ValueTask.CompletedTask;
        }
    }
}
