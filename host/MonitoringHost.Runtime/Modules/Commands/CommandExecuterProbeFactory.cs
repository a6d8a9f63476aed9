namespace MonitoringHost.Runtime.Modules.Commands;

/// <summary>Makes <see cref="CommandRunner"/>s for <c>System.CommandExecuterProbe</c>.</summary>
public sealed class CommandExecuterProbeFactory : NativeModuleFactory
{
    public const string Id = "System.CommandExecuterProbe";

    public override string TypeId => Id;

    public override ModuleInstance Create(ModuleSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var configuration = CommandExecuterConfiguration.Read(setup.Configuration);
        return new CommandRunner(new CommandExecution(configuration, setup.Services.Time, setup.Configuration));
    }

    // Each run has its own process and folder; the module keeps nothing between items.
    public override bool Shareable(ModuleConfiguration configuration) => true;
}
