using System.Collections.Concurrent;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Runtime.Tests.Credentials;

/// <summary>
/// The Run As test pack's <c>Test.RunAs.Login</c> write action: records, per run, its Login value as configured
/// (tokens) and as substituted from its credentials at run time.
/// </summary>
internal sealed class LoginRecorderFactory : NativeModuleFactory
{
    public ConcurrentQueue<(string Target, string Configured, string Substituted)> Runs { get; } = new();

    public ConcurrentQueue<ModuleSetup> Setups { get; } = new();

    public override string TypeId => "Test.RunAs.Login";

    public override ModuleInstance Create(ModuleSetup setup)
    {
        Setups.Enqueue(setup);
        return new Module(this, setup);
    }

    private sealed class Module(LoginRecorderFactory factory, ModuleSetup setup) : ModuleInstance
    {
        public override ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
        {
            var configured = setup.Configuration.Required("Login");
            factory.Runs.Enqueue((setup.Target.Path, configured, setup.Credentials.Substitute(configured)));
            output.Emit(input);
            return ValueTask.CompletedTask;
        }
    }
}
