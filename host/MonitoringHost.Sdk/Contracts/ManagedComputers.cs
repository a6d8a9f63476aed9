namespace MonitoringHost.Sdk.Contracts;

/// <summary>
/// A computer to manage without an agent (<c>POST /computers</c>); adding one again with the same name replaces it.
/// </summary>
/// <param name="Name">Its name: the object's key (PrincipalName, or DeviceKey for a network device) and the name packs use to reach it.</param>
/// <param name="Protocol"><c>wsman</c> (a Windows computer), <c>ssh</c> (a UNIX/Linux computer) or <c>snmp</c> (a network device).</param>
/// <param name="Address">The address or DNS name to connect to; the name when left out.</param>
/// <param name="Port">The port; the protocol's default when left out (5985, or 5986 with HTTPS; 22; 161).</param>
/// <param name="Https">WS-Man over HTTPS.</param>
/// <param name="TrustOnFirstUse">SSH: pin the computer's host key the first time instead of refusing an unknown key.</param>
/// <param name="SkipCertificateCheck">WS-Man over HTTPS: accept a certificate that does not verify (self-signed).</param>
/// <param name="RunAsAccount">The Run As account (its id or name) to reach it with, assigned to the protocol's profile for this computer; Administrators only.</param>
/// <param name="Class">The class of its object, the protocol's computer class or one derived from it (Microsoft.Windows.Server.Computer, say).</param>
public sealed record ManagedComputerDefinition(
    string Name,
    string Protocol,
    string? Address = null,
    int? Port = null,
    bool Https = false,
    bool TrustOnFirstUse = false,
    bool SkipCertificateCheck = false,
    string? RunAsAccount = null,
    string? Class = null);

/// <summary>An agentless-managed computer and how it answered lately.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Protocol">wsman, ssh or snmp.</param>
/// <param name="Address">Where it is reached.</param>
/// <param name="Port">The port.</param>
/// <param name="Https">WS-Man over HTTPS.</param>
/// <param name="TrustOnFirstUse">SSH host key trusted on first use.</param>
/// <param name="SkipCertificateCheck">HTTPS certificate not checked.</param>
/// <param name="Class">Its object's class.</param>
/// <param name="ObjectId">Its object.</param>
/// <param name="RunAsAccountId">The Run As account it was added with, if any.</param>
/// <param name="Profile">The Run As profile its protocol's modules use.</param>
/// <param name="Added">When it was added.</param>
/// <param name="AddedBy">The key that added it.</param>
/// <param name="Reachability">How it answered lately; null before the first attempt.</param>
public sealed record ManagedComputerInfo(
    string Name,
    string Protocol,
    string Address,
    int Port,
    bool Https,
    bool TrustOnFirstUse,
    bool SkipCertificateCheck,
    string Class,
    Guid ObjectId,
    Guid? RunAsAccountId,
    string Profile,
    DateTimeOffset Added,
    string AddedBy,
    ComputerReachability? Reachability);

/// <summary>How a computer answered over its protocol lately, as this management server saw it.</summary>
/// <param name="Reachable">Whether it answered at all the last time.</param>
/// <param name="Status">OK, or the last failure (Timeout, ConnectionRefused, AuthenticationFailed, UnknownHostKey…).</param>
/// <param name="Message">The last outcome in words.</param>
/// <param name="ConsecutiveFailures">Attempts in a row it did not answer.</param>
/// <param name="LastSuccess">When it last answered.</param>
/// <param name="LastFailure">When it last failed.</param>
/// <param name="RetryAfter">Until when its workflows leave it alone (backoff), if they do.</param>
public sealed record ComputerReachability(
    bool Reachable,
    string Status,
    string Message,
    int ConsecutiveFailures,
    DateTimeOffset? LastSuccess,
    DateTimeOffset? LastFailure,
    DateTimeOffset? RetryAfter);
