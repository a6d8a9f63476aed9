namespace MonitoringHost.Runtime.Modules.Commands;

/// <summary>
/// Makes <see cref="CommandRunner"/>s: both command executer module types (<c>System.CommandExecuter</c> and
/// <c>System.CommandExecuterProbe</c>) run the same way and differ only in their ID.
/// </summary>
public abstract class CommandRunnerFactory : NativeModuleFactory
{
    public override ModuleInstance Create(ModuleSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var configuration = CommandExecuterConfiguration.Read(setup.Configuration);
        return new CommandRunner(new CommandExecution(configuration, setup.Services.Time, setup.Configuration));
    }

    // Each run has its own process and folder; the module keeps nothing between items.
    public override bool Shareable(ModuleConfiguration configuration) => true;
}

/// <summary>Makes <see cref="CommandRunner"/>s for <c>System.CommandExecuter</c>.</summary>
public sealed class CommandExecuterFactory : CommandRunnerFactory
{
    public const string Id = "System.CommandExecuter";

    public override string TypeId => Id;
}
