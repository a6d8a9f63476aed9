namespace MonitoringHost.Runtime.Modules.Unix;

/// <summary><c>Microsoft.Unix.WSMan.Invoke.WriteAction</c>: an SCX method over SSH with the UNIX action account (tasks, recoveries).</summary>
public sealed class UnixInvokeWriteActionFactory : UnixInvokeFactory
{
    public const string Id = "Microsoft.Unix.WSMan.Invoke.WriteAction";

    public override string TypeId => Id;
}
