namespace MonitoringHost.Runtime.Modules.Unix;

/// <summary>Makes the <see cref="ShellOutputPropertyBagMapper"/> (one, shared: it has no configuration and no state).</summary>
public sealed class ShellOutputPropertyBagMapperFactory : NativeModuleFactory
{
    public const string Id = "MonitoringHost.Agentless.ShellOutputPropertyBagMapper";

    public override string TypeId => Id;

    public override ModuleInstance Create(ModuleSetup setup) => ShellOutputPropertyBagMapper.Instance;

    public override bool Shareable(ModuleConfiguration configuration) => true;
}
