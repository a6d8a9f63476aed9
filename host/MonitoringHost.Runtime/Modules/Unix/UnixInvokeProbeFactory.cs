namespace MonitoringHost.Runtime.Modules.Unix;

/// <summary><c>Microsoft.Unix.WSMan.Invoke.ProbeAction</c>: an SCX method over SSH with the UNIX action account.</summary>
public sealed class UnixInvokeProbeFactory : UnixInvokeFactory
{
    public const string Id = "Microsoft.Unix.WSMan.Invoke.ProbeAction";

    public override string TypeId => Id;
}
