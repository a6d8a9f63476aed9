using MonitoringHost.Runtime.Modules.Agentless;

namespace MonitoringHost.Runtime.Modules.Unix;

/// <summary><c>Microsoft.Unix.WSMan.Invoke.Privileged.WriteAction</c>: an SCX method over SSH with the UNIX privileged account.</summary>
public sealed class UnixInvokePrivilegedWriteActionFactory : UnixInvokeFactory
{
    public const string Id = "Microsoft.Unix.WSMan.Invoke.Privileged.WriteAction";

    public override string TypeId => Id;

    protected override string Profile => AgentlessProtocols.SshPrivilegedProfile;
}
