using MonitoringHost.Probes.Ssh;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Probes.Tests.Ssh;

public sealed class FileKnownHostsStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mh-known-hosts-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task PinAsync_SecondKeyForTheSameEndpoint_KeepsTheFirst()
    {
        var path = Path.Combine(_folder, "sub", "known_hosts");
        using var store = new FileKnownHostsStore(path);
        var first = new SshHostKey("ssh-ed25519", SshHostKey.FingerprintOf("first"u8));
        var second = new SshHostKey("ssh-rsa", SshHostKey.FingerprintOf("second"u8));

        (await store.PinAsync("[::1]:22", first, CancellationToken.None)).Should().Be(first);
        (await store.PinAsync("[::1]:22", second, CancellationToken.None)).Should().Be(first);
        (await store.PinAsync("db1:2222", second, CancellationToken.None)).Should().Be(second);

        File.ReadAllText(path).Should().Be($"[::1]:22 ssh-ed25519 {first.Fingerprint}\ndb1:2222 ssh-rsa {second.Fingerprint}\n");
        using var reread = new FileKnownHostsStore(path);
        (await reread.FindAsync("DB1:2222", CancellationToken.None)).Should().Be(second);
        (await reread.FindAsync("db1:22", CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task FindAsync_MalformedLine_SaysFileAndLine()
    {
        var path = Path.Combine(_folder, "known_hosts");
        File.WriteAllText(path, "# pinned by hand\n\nhost:22 ssh-ed25519 SHA256:abc\nhost:23 ssh-ed25519 MD5:ab:cd\n");
        using var store = new FileKnownHostsStore(path);

        var find = () => store.FindAsync("host:22", CancellationToken.None).AsTask();

        (await find.Should().ThrowAsync<InvalidDataException>()).WithMessage(
            $"{path} line 4: expected 'host:port algorithm SHA256:fingerprint', found 'host:23 ssh-ed25519 MD5:ab:cd'");
    }

    [SkippableFact]
    public async Task FingerprintOf_HostPublicKey_MatchesSshKeygen()
    {
        var server = SshTestServer.Require();
        var start = new System.Diagnostics.ProcessStartInfo("ssh-keygen", ["-l", "-E", "sha256", "-f", server.HostPublicKeyPath]) { RedirectStandardOutput = true };
        using var keygen = System.Diagnostics.Process.Start(start)!;
        var printed = await keygen.StandardOutput.ReadToEndAsync();
        await keygen.WaitForExitAsync();

        printed.Split(' ')[1].Should().Be(server.HostKey().Fingerprint);
    }

    [Fact]
    public void ParseLines_KeyValueLines_TrimmedLaterWinsOthersLeftOut()
    {
        var bag = SshPropertyBag.ParseLines("a=1\r\n b = 2 \n=nokey\nplain\na=3\nc=\n");

        bag.Should().Equal(new Dictionary<string, string> { ["a"] = "3", ["b"] = "2", ["c"] = "" });
    }
}
