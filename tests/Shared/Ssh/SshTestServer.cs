using System.Globalization;
using MonitoringHost.Probes.Ssh;

namespace MonitoringHost.Tests.Shared;

/// <summary>
/// The sshd <c>test.sh</c> starts, as named by <see cref="Variable"/>:
/// <c>127.0.0.1;port;user;password;ed25519 key;RSA PEM key;encrypted ed25519 key (passphrase = password);host public key</c>.
/// Without it an SSH test is skipped locally and fails under <c>CI=true</c>: mark such tests <c>[SkippableFact]</c>.
/// </summary>
internal sealed record SshTestServer(
    string Host, int Port, string UserName, string Password, string Ed25519KeyPath, string RsaPemKeyPath, string EncryptedKeyPath, string HostPublicKeyPath)
{
    public const string Variable = "MH_TEST_SSH";

    public static SshTestServer Require()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            CiRequirement.SkipLocallyOrFail($"no SSH server: {Variable} is not set (test.sh starts one)");
        }

        var parts = value!.Split(';');
        if (parts.Length != 8)
        {
            throw new InvalidOperationException($"{Variable} has {parts.Length} fields, expected 8: host;port;user;password;ed25519 key;RSA PEM key;encrypted key;host public key");
        }

        return new SshTestServer(parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture), parts[2], parts[3], parts[4], parts[5], parts[6], parts[7]);
    }

    public string Endpoint => SshHostKey.Endpoint(Host, Port);

    /// <summary>A loopback port nothing listens on (it was free a moment ago): where a connection is refused.</summary>
    public static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The server's real host key, read from its public key file.</summary>
    public SshHostKey HostKey()
    {
        var parts = File.ReadAllText(HostPublicKeyPath).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new SshHostKey(parts[0], SshHostKey.FingerprintOf(Convert.FromBase64String(parts[1])));
    }

    public SshCredential PasswordCredential() => SshCredential.WithPassword(UserName, Password);

    public SshCredential KeyCredential(string path, string? passphrase = null) =>
        SshCredential.WithPrivateKey(UserName, File.ReadAllText(path), passphrase);

    public SshCommandRequest Request(SshCredential credential, string command) =>
        new(Host, credential, command) { Port = Port, ConnectTimeout = TimeSpan.FromSeconds(10), CommandTimeout = TimeSpan.FromSeconds(20) };
}
