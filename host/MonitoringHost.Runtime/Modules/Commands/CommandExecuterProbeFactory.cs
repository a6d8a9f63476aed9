namespace MonitoringHost.Runtime.Modules.Commands;

/// <summary>Makes <see cref="CommandRunner"/>s for <c>System.CommandExecuterProbe</c>.</summary>
public sealed class CommandExecuterProbeFactory : CommandRunnerFactory
{
    public const string Id = "System.CommandExecuterProbe";

    public override string TypeId => Id;
}
