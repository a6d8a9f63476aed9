using System.Runtime.Versioning;
using MonitoringHost.Runtime.Credentials;

namespace MonitoringHost.Runtime.Tests.Credentials;

public sealed class CredentialKeyTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"mh-key-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void LoadOrCreate_NoFile_CreatesAnOwnerOnly32ByteKey()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes; on Windows the file inherits its folder's ACL");
        var path = Path.Combine(_folder, "nested", "credential.key");

        using var key = CredentialKey.LoadOrCreate(path);

        File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.ReadAllBytes(path).Should().HaveCount(CredentialKey.Length).And.Equal(key.Bytes.ToArray());
        key.Bytes.ToArray().Should().NotBeEquivalentTo(new byte[CredentialKey.Length], "the key is random, not zeros");
    }

    [Fact]
    public void LoadOrCreate_ExistingFile_ReadsTheSameKey()
    {
        var path = Path.Combine(_folder, "credential.key");
        using var first = CredentialKey.LoadOrCreate(path);

        using var second = CredentialKey.LoadOrCreate(path);

        second.Bytes.ToArray().Should().Equal(first.Bytes.ToArray());
    }

    [Fact]
    public void LoadOrCreate_WrongLength_FailsNamingTheFile()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "short.key");
        File.WriteAllBytes(path, new byte[5]);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var load = () => CredentialKey.LoadOrCreate(path);

        load.Should().Throw<CredentialKeyException>().WithMessage($"*{path}*holds 5 bytes; a key is 32*");
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void LoadOrCreate_FileOthersCanRead_IsRefused()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes");
        var path = Path.Combine(_folder, "credential.key");
        CredentialKey.LoadOrCreate(path).Dispose();
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var load = () => CredentialKey.LoadOrCreate(path);

        load.Should().Throw<CredentialKeyException>().WithMessage("*mode 644*chmod 600*");
    }

    [Fact]
    public void Bytes_AfterDispose_Throws()
    {
        var key = CredentialKey.LoadOrCreate(Path.Combine(_folder, "credential.key"));
        key.Dispose();

        var read = () => key.Bytes.Length;

        read.Should().Throw<ObjectDisposedException>();
    }
}
