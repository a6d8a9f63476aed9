using MonitoringHost.Runtime.Modules.Agentless;

namespace MonitoringHost.Runtime.Modules.Unix;

/// <summary><c>Microsoft.Unix.WSMan.Invoke.Privileged.ProbeAction</c>: an SCX method over SSH with the UNIX privileged account.</summary>
public sealed class UnixInvokePrivilegedProbeFactory : UnixInvokeFactory
{
    public const string Id = "Microsoft.Unix.WSMan.Invoke.Privileged.ProbeAction";

    public override string TypeId => Id;

    protected override string Profile => AgentlessProtocols.SshPrivilegedProfile;
}
