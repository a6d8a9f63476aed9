using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MonitoringHost.Probes.Ssh;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Probes.Tests.Ssh;

/// <summary>Runs commands against the real sshd that <c>test.sh</c> starts on 127.0.0.1.</summary>
public sealed class SshCommandRunnerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mh-ssh-").FullName;
    private readonly List<IDisposable> _disposables = [];

    public void Dispose()
    {
        _disposables.ForEach(d => d.Dispose());
        Directory.Delete(_folder, recursive: true);
    }

    [SkippableFact]
    public async Task RunAsync_Ed25519Key_ReturnsOutputErrorAndExitCode()
    {
        var (server, runner) = await PinnedRunnerAsync();

        var result = await runner.RunAsync(server.Request(server.KeyCredential(server.Ed25519KeyPath), "id -un; echo oops >&2; exit 3"), CancellationToken.None);

        result.Status.Should().Be(SshCommandStatus.Completed, result.Message);
        result.Completed.Should().BeTrue();
        result.ExitCode.Should().Be(3);
        result.ExitSignal.Should().BeNull();
        result.StandardOutput.Should().Be(server.UserName + "\n");
        result.StandardError.Should().Be("oops\n");
        result.Message.Should().BeNull();
        result.Endpoint.Should().Be(server.Endpoint);
        result.Duration.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThan(TimeSpan.FromSeconds(10));
    }

    [SkippableFact]
    public async Task RunAsync_OutputOfKeyValueLines_ParsesIntoPropertyBag()
    {
        var (server, runner) = await PinnedRunnerAsync();

        var result = await runner.RunAsync(server.Request(server.PasswordCredential(), "printf 'user=%s\\nload = 0.5\\nnoise\\nquery=a=b\\n' \"$(id -un)\""), CancellationToken.None);

        var bag = result.ToPropertyBag();
        bag.Should().Equal(new Dictionary<string, string>
        {
            ["user"] = server.UserName,
            ["load"] = "0.5",
            ["query"] = "a=b",
            [SshPropertyBag.StdOut] = $"user={server.UserName}\nload = 0.5\nnoise\nquery=a=b\n",
            [SshPropertyBag.StdErr] = "",
            [SshPropertyBag.ReturnCode] = "0",
        });
    }

    [SkippableFact]
    public async Task RunAsync_PasswordRsaPemAndEncryptedKey_EachLogIn()
    {
        var (server, runner) = await PinnedRunnerAsync();

        foreach (var credential in new[]
        {
            server.PasswordCredential(),
            server.KeyCredential(server.RsaPemKeyPath),
            server.KeyCredential(server.EncryptedKeyPath, server.Password),
        })
        {
            var result = await runner.RunAsync(server.Request(credential, "id -un"), CancellationToken.None);
            result.Status.Should().Be(SshCommandStatus.Completed, $"{credential} logs in ({result.Message})");
            result.StandardOutput.Should().Be(server.UserName + "\n");
            result.ExitCode.Should().Be(0);
        }

        runner.ConnectionCount.Should().Be(3, "each credential has a connection of its own");
    }

    [SkippableFact]
    public async Task RunAsync_WrongPassword_AuthenticationFailedForUser()
    {
        var (server, runner) = await PinnedRunnerAsync();

        var result = await runner.RunAsync(server.Request(SshCredential.WithPassword(server.UserName, "not-" + server.Password), "id -un"), CancellationToken.None);

        result.Status.Should().Be(SshCommandStatus.AuthenticationFailed);
        result.Message.Should().StartWith($"authentication failed for user {server.UserName} on {server.Endpoint}: ");
        result.ExitCode.Should().BeNull();
        result.StandardOutput.Should().BeEmpty();
    }

    [SkippableFact]
    public async Task RunAsync_KeyNotAuthorized_AuthenticationFailedForUser()
    {
        var (server, runner) = await PinnedRunnerAsync();
        // The server's own host key is a valid ed25519 key that is in no authorized_keys file.
        var unauthorized = server.KeyCredential(server.HostPublicKeyPath[..^".pub".Length]);

        var result = await runner.RunAsync(server.Request(unauthorized, "id -un"), CancellationToken.None);

        result.Status.Should().Be(SshCommandStatus.AuthenticationFailed);
        result.Message.Should().StartWith($"authentication failed for user {server.UserName} on {server.Endpoint}: ");
    }

    [SkippableFact]
    public async Task RunAsync_WrongPassphrase_InvalidPrivateKey()
    {
        var (server, runner) = await PinnedRunnerAsync();

        var result = await runner.RunAsync(server.Request(server.KeyCredential(server.EncryptedKeyPath, "wrong"), "id -un"), CancellationToken.None);

        result.Status.Should().Be(SshCommandStatus.InvalidPrivateKey);
        result.Message.Should().StartWith($"the private key of user {server.UserName} cannot be read: ");
    }

    [SkippableFact]
    public async Task RunAsync_UnknownHostKeyWithoutTrustOnFirstUse_RefusedAndNothingPinned()
    {
        var server = SshTestServer.Require();
        using var store = new FileKnownHostsStore(Path.Combine(_folder, "known_hosts"));
        using var runner = new SshCommandRunner(store, TimeProvider.System);

        var result = await runner.RunAsync(server.Request(server.KeyCredential(server.Ed25519KeyPath), "id -un"), CancellationToken.None);

        result.Status.Should().Be(SshCommandStatus.UnknownHostKey);
        result.Message.Should().Be(
            $"the host key of {server.Endpoint} is not known: offered {server.HostKey().Fingerprint} (ssh-ed25519); pin it, or allow trust on first use for this host");
        (await store.FindAsync(server.Endpoint, CancellationToken.None)).Should().BeNull();
        File.Exists(store.FilePath).Should().BeFalse();
    }

    [SkippableFact]
    public async Task RunAsync_TrustOnFirstUse_PinsTheKeyThenAcceptsItWithoutTrust()
    {
        var server = SshTestServer.Require();
        var path = Path.Combine(_folder, "known_hosts");
        using (var store = new FileKnownHostsStore(path))
        using (var runner = new SshCommandRunner(store, TimeProvider.System))
        {
            var first = await runner.RunAsync(server.Request(server.KeyCredential(server.Ed25519KeyPath), "echo first") with { TrustOnFirstUse = true }, CancellationToken.None);
            first.Status.Should().Be(SshCommandStatus.Completed, first.Message);
            first.StandardOutput.Should().Be("first\n");
        }

        File.ReadAllText(path).Should().Be($"{server.Endpoint} ssh-ed25519 {server.HostKey().Fingerprint}\n");

        using (var reread = new FileKnownHostsStore(path))
        using (var runner = new SshCommandRunner(reread, TimeProvider.System))
        {
            var second = await runner.RunAsync(server.Request(server.KeyCredential(server.Ed25519KeyPath), "echo second"), CancellationToken.None);
            second.Status.Should().Be(SshCommandStatus.Completed, second.Message);
            second.StandardOutput.Should().Be("second\n");
        }
    }

    [SkippableFact]
    public async Task RunAsync_ChangedHostKey_RefusedEvenWithTrustOnFirstUse()
    {
        var server = SshTestServer.Require();
        using var store = new FileKnownHostsStore(Path.Combine(_folder, "known_hosts"));
        var other = new SshHostKey("ssh-ed25519", SshHostKey.FingerprintOf("another key"u8));
        await store.PinAsync(server.Endpoint, other, CancellationToken.None);
        using var runner = new SshCommandRunner(store, TimeProvider.System);

        var result = await runner.RunAsync(server.Request(server.PasswordCredential(), "id -un") with { TrustOnFirstUse = true }, CancellationToken.None);

        result.Status.Should().Be(SshCommandStatus.HostKeyChanged);
        result.Message.Should().Be($"the host key of {server.Endpoint} changed: pinned {other.Fingerprint}, offered {server.HostKey().Fingerprint}");
        (await store.FindAsync(server.Endpoint, CancellationToken.None)).Should().Be(other);
    }

    [SkippableFact]
    public async Task RunAsync_CommandLongerThanTimeout_StoppedAndConnectionStillServes()
    {
        var (server, runner) = await PinnedRunnerAsync();
        var credential = await ConnectedKeyCredentialAsync(server, runner);

        var clock = Stopwatch.StartNew();
        var result = await runner.RunAsync(server.Request(credential, "sleep 5") with { CommandTimeout = TimeSpan.FromMilliseconds(300) }, CancellationToken.None);
        clock.Stop();

        result.Status.Should().Be(SshCommandStatus.CommandTimeout);
        result.Message.Should().Be($"the command on {server.Endpoint} did not finish within 0.3 s; it was stopped");
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(280)).And.BeLessThan(TimeSpan.FromSeconds(3));
        var after = await runner.RunAsync(server.Request(credential, "echo after"), CancellationToken.None);
        after.StandardOutput.Should().Be("after\n");
        runner.ConnectionFor(server.Request(credential, "x")).Connects.Should().Be(1);
    }

    [SkippableFact]
    public async Task RunAsync_ThirtyParallelCommands_AllSucceedOverOneConnectionTenAtATime()
    {
        var (server, runner) = await PinnedRunnerAsync();
        var credential = await ConnectedKeyCredentialAsync(server, runner);

        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            runner.RunAsync(server.Request(credential, $"sleep 0.3; echo {i}"), CancellationToken.None)));
        clock.Stop();

        results.Should().OnlyContain(r => r.Status == SshCommandStatus.Completed && r.ExitCode == 0);
        results.Select(r => r.StandardOutput).Should().Equal(Enumerable.Range(0, 30).Select(i => $"{i}\n"));
        runner.ConnectionCount.Should().Be(1);
        runner.ConnectionFor(server.Request(credential, "x")).Connects.Should().Be(1);
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(850), "three waves of ten 0.3 s commands");
    }

    [SkippableFact]
    public async Task RunAsync_AfterTheConnectionDropped_OpensANewOne()
    {
        var (server, runner) = await PinnedRunnerAsync();
        var request = server.Request(server.PasswordCredential(), "echo $PPID");
        var first = await runner.RunAsync(request, CancellationToken.None);
        var connection = runner.ConnectionFor(request);
        connection.IsConnected.Should().BeTrue();

        connection.Drop();
        connection.IsConnected.Should().BeFalse();
        var second = await runner.RunAsync(request, CancellationToken.None);

        second.Status.Should().Be(SshCommandStatus.Completed, second.Message);
        connection.Connects.Should().Be(2);
        connection.IsConnected.Should().BeTrue();
        second.StandardOutput.Should().NotBe(first.StandardOutput, "another sshd session process serves the new connection");
        runner.ConnectionCount.Should().Be(1);
    }

    [SkippableFact]
    public async Task RunAsync_CallerCancels_Throws()
    {
        var (server, runner) = await PinnedRunnerAsync();
        using var cancelled = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var run = () => runner.RunAsync(server.Request(server.PasswordCredential(), "sleep 5"), cancelled.Token);

        await run.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task RunAsync_NothingListening_ConnectionRefused()
    {
        var port = FreePort();
        using var store = new FileKnownHostsStore(Path.Combine(_folder, "known_hosts"));
        using var runner = new SshCommandRunner(store, TimeProvider.System);

        var result = await runner.RunAsync(new SshCommandRequest("127.0.0.1", SshCredential.WithPassword("nobody", "x"), "true") { Port = port }, CancellationToken.None);

        result.Status.Should().Be(SshCommandStatus.ConnectionRefused);
        result.Message.Should().Be($"connecting to 127.0.0.1:{port} was refused: nothing listens there");
        result.Duration.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task RunAsync_ServerNeverGreets_ConnectTimeout()
    {
        // Connections complete in the kernel's backlog, but no SSH identification ever comes.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        using var store = new FileKnownHostsStore(Path.Combine(_folder, "known_hosts"));
        using var runner = new SshCommandRunner(store, TimeProvider.System);

        var clock = Stopwatch.StartNew();
        var result = await runner.RunAsync(
            new SshCommandRequest("127.0.0.1", SshCredential.WithPassword("nobody", "x"), "true") { Port = port, ConnectTimeout = TimeSpan.FromMilliseconds(300) },
            CancellationToken.None);

        result.Status.Should().Be(SshCommandStatus.ConnectTimeout);
        result.Message.Should().Be($"connecting to 127.0.0.1:{port} took longer than 0.3 s");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3));
    }

    /// <summary>The test server and a runner whose known-hosts store has the server's real host key pinned.</summary>
    private async Task<(SshTestServer Server, SshCommandRunner Runner)> PinnedRunnerAsync()
    {
        var server = SshTestServer.Require();
        var store = new FileKnownHostsStore(Path.Combine(_folder, "known_hosts"));
        _disposables.Add(store);
        await store.PinAsync(server.Endpoint, server.HostKey(), CancellationToken.None);
        var runner = new SshCommandRunner(store, TimeProvider.System);
        _disposables.Add(runner);
        return (server, runner);
    }

    /// <summary>The ed25519 key credential, with its pooled connection already open.</summary>
    private static async Task<SshCredential> ConnectedKeyCredentialAsync(SshTestServer server, SshCommandRunner runner)
    {
        var credential = server.KeyCredential(server.Ed25519KeyPath);
        (await runner.RunAsync(server.Request(credential, "true"), CancellationToken.None)).Completed.Should().BeTrue();
        return credential;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
