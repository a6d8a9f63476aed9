using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.CrashWorker;

/// <summary>
/// The crash pack's <c>Test.Crash.StateProbe</c>: answers every run with a property bag whose State is Good (half
/// the time), Slow or Bad, picked at random, so that the unit monitors above it change state as real ones do
/// without a real probe.
/// </summary>
public sealed class StateProbeFactory : NativeModuleFactory
{
    private static readonly string[] States = ["Good", "Good", "Slow", "Bad"];

    public override string TypeId => "Test.Crash.StateProbe";

    public override ModuleInstance Create(ModuleSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new Module(setup.Configuration.Required("Service"));
    }

    private sealed class Module(string service) : ModuleInstance
    {
        public override ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            ArgumentNullException.ThrowIfNull(output);
            output.Emit(new PropertyBagData(input.Time, [new("Service", service), new("State", States[Random.Shared.Next(States.Length)])]));
            return ValueTask.CompletedTask;
        }
    }
}
