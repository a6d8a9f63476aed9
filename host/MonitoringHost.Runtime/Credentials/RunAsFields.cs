namespace MonitoringHost.Runtime.Credentials;

/// <summary>The field names of <c>$RunAs[Name="…"]/Field$</c> and which kinds of account supply which.</summary>
public static class RunAsFields
{
    public const string UserName = "UserName";
    public const string Password = "Password";
    public const string Domain = "Domain";
    public const string PrivateKey = "PrivateKey";
    public const string Passphrase = "Passphrase";
    public const string CommunityString = "CommunityString";
    public const string Certificate = "Certificate";

    /// <summary>Fields <paramref name="kind"/> supplies (optional ones included: they read as empty text when unset); null for any (generic).</summary>
    public static IReadOnlyList<string>? Of(RunAsAccountKind kind) => kind switch
    {
        RunAsAccountKind.Windows or RunAsAccountKind.Basic => [UserName, Password, Domain],
        RunAsAccountKind.SshKey => [UserName, PrivateKey, Passphrase],
        RunAsAccountKind.SnmpCommunity => [CommunityString],
        RunAsAccountKind.Certificate => [Certificate, Password],
        _ => null,
    };

    /// <summary>Fields an account of <paramref name="kind"/> must have a non-empty value for.</summary>
    internal static IReadOnlyList<string> RequiredOf(RunAsAccountKind kind) => kind switch
    {
        RunAsAccountKind.Windows or RunAsAccountKind.Basic => [UserName, Password],
        RunAsAccountKind.SshKey => [UserName, PrivateKey],
        RunAsAccountKind.SnmpCommunity => [CommunityString],
        RunAsAccountKind.Certificate => [Certificate],
        _ => [],
    };
}
