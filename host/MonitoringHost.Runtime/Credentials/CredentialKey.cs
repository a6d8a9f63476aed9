using System.Security.Cryptography;

namespace MonitoringHost.Runtime.Credentials;

/// <summary>
/// The 256-bit key Run As secrets are encrypted under, kept in a key file beside the host's data. The file is made on
/// first use with 32 random bytes. On Unix it is created owner-only (0600) and an existing file that group or others
/// can read is refused, as ssh refuses a readable private key. On Windows no ACL is set here: the file inherits its
/// folder's ACL, so keep it in a folder only the host's service account and Administrators can read.
/// </summary>
public sealed class CredentialKey : IDisposable
{
    public const int Length = 32;

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly byte[] _key;
    private bool _disposed;

    private CredentialKey(string path, byte[] key)
    {
        FilePath = path;
        _key = key;
    }

    /// <summary>The key file.</summary>
    public string FilePath { get; }

    /// <summary>Reads the key file at <paramref name="path"/>, creating it (and its folder) with a new random key if there is none.</summary>
    public static CredentialKey LoadOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        path = Path.GetFullPath(path);
        if (!File.Exists(path) && TryCreate(path) is { } created)
        {
            return created;
        }

        return Load(path);
    }

    /// <summary>The key bytes, for the cipher only.</summary>
    internal ReadOnlySpan<byte> Bytes
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _key;
        }
    }

    public void Dispose()
    {
        _disposed = true;
        CryptographicOperations.ZeroMemory(_key);
    }

    public override string ToString() => $"credential key {FilePath}";

    private static CredentialKey? TryCreate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(Length);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Set at creation, so the key is never readable by others, not even for a moment.
            options.UnixCreateMode = OwnerOnly;
        }

        try
        {
            using var stream = new FileStream(path, options);
            stream.Write(key);
            stream.Flush(flushToDisk: true);
            return new CredentialKey(path, key);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made it first: use theirs.
            CryptographicOperations.ZeroMemory(key);
            return null;
        }
    }

    private static CredentialKey Load(string path)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & GroupOrOthers) != 0)
        {
            throw new CredentialKeyException(path, $"it may be read by other users (mode {Convert.ToString((int)File.GetUnixFileMode(path), 8)}); make it owner-only (chmod 600)");
        }

        var key = File.ReadAllBytes(path);
        if (key.Length != Length)
        {
            var length = key.Length;
            CryptographicOperations.ZeroMemory(key);
            throw new CredentialKeyException(path, $"it holds {length} bytes; a key is {Length}");
        }

        return new CredentialKey(path, key);
    }
}
