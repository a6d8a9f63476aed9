using MonitoringHost.Runtime.Modules.Agentless;

namespace MonitoringHost.Runtime.Modules.Unix;

/// <summary>
/// What the UNIX invoke module types share: each makes a <see cref="UnixCommandProbe"/>; they differ in where their
/// configuration keeps its fields and which Run As profile they use when it names none.
/// </summary>
public abstract class UnixInvokeFactory : NativeModuleFactory
{
    /// <summary>The profile used when the configuration has no <c>$RunAs</c> token (the module type's <c>RunAs</c>).</summary>
    protected virtual string Profile => AgentlessProtocols.SshProfile;

    /// <summary>Whether the fields are under <c>Invoke</c> (<c>Microsoft.SystemCenter.WSManagement.Invoker</c>).</summary>
    protected virtual bool UnderInvoke => false;

    /// <summary>The UserName and Password tokens name a profile whose whole account is used (an SSH key account too).</summary>
    public override bool UsesWholeRunAsAccounts => true;

    public override ModuleInstance Create(ModuleSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var configuration = UnixInvokeConfiguration.Read(setup.Configuration, UnderInvoke);
        var account = UnixAccount.For(setup, configuration.UserName, configuration.Password, Profile);
        return new UnixCommandProbe(configuration, account, setup.Services);
    }
}
