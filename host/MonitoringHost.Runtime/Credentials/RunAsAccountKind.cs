namespace MonitoringHost.Runtime.Credentials;

/// <summary>What a Run As account holds, and so which <c>$RunAs[…]/Field$</c> fields it can supply.</summary>
public enum RunAsAccountKind
{
    /// <summary>A Windows account: UserName, Password, optional Domain.</summary>
    Windows,

    /// <summary>Basic (or digest) authentication: UserName, Password, optional Domain.</summary>
    Basic,

    /// <summary>An SSH key: UserName, PrivateKey (PEM/OpenSSH text), optional Passphrase.</summary>
    SshKey,

    /// <summary>An SNMP v1/v2c community: CommunityString.</summary>
    SnmpCommunity,

    /// <summary>A client certificate: Certificate (base64 PKCS#12), optional Password.</summary>
    Certificate,

    /// <summary>Named values of the administrator's choosing (e.g. an API key).</summary>
    Generic,
}
