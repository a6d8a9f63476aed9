namespace MonitoringHost.Probes.Ssh;

/// <summary>
/// Who a command runs as: a user name with either a password or a private key (PEM or OpenSSH format, optionally
/// protected by a passphrase). <see cref="ToString"/> never shows the secret.
/// </summary>
public sealed class SshCredential
{
    private SshCredential(string userName, string? password, string? privateKey, string? passphrase)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        UserName = userName;
        Password = password;
        PrivateKey = privateKey;
        Passphrase = passphrase;
    }

    public string UserName { get; }

    public string? Password { get; }

    /// <summary>The private key's text (<c>-----BEGIN … PRIVATE KEY-----</c> …).</summary>
    public string? PrivateKey { get; }

    public string? Passphrase { get; }

    public static SshCredential WithPassword(string userName, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return new SshCredential(userName, password, null, null);
    }

    public static SshCredential WithPrivateKey(string userName, string privateKey, string? passphrase = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(privateKey);
        return new SshCredential(userName, null, privateKey, passphrase);
    }

    /// <summary>
    /// Tells credentials apart without keeping their secrets readable: connections are pooled per host, user and
    /// this value, so a command given a wrong password never rides on a connection another password opened.
    /// </summary>
    internal string Identity()
    {
        var secret = $"{UserName}\n{Password}\n{PrivateKey}\n{Passphrase}";
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));
    }

    public override string ToString() => PrivateKey is null ? $"{UserName} (password)" : $"{UserName} (private key)";
}
