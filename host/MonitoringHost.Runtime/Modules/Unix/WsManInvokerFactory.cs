namespace MonitoringHost.Runtime.Modules.Unix;

/// <summary>
/// <c>Microsoft.SystemCenter.WSManagement.Invoker</c> as the UNIX shell-command monitor types use it
/// (<c>SCX_OperatingSystem</c> methods on port 1270): answered over SSH, with the account of the profile its
/// <c>Invoke/UserName</c> token names (the UNIX action account in the library's monitor types). Another resource
/// URI keeps the workflow from loading, with the reason.
/// </summary>
public sealed class WsManInvokerFactory : UnixInvokeFactory
{
    public const string Id = "Microsoft.SystemCenter.WSManagement.Invoker";

    public override string TypeId => Id;

    protected override bool UnderInvoke => true;
}
