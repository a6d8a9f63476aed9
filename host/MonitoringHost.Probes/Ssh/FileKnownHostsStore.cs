using System.Globalization;
using System.Text;

namespace MonitoringHost.Probes.Ssh;

/// <summary>
/// Pinned host keys in a text file, one a line: <c>host:port algorithm SHA256:fingerprint</c> (blank lines and
/// <c>#</c> comments allowed). Read once, on first use; a pin rewrites the file through a temporary file and a rename,
/// so a crash leaves either the old or the new file. A malformed line fails every lookup with its file and line.
/// </summary>
public sealed class FileKnownHostsStore : IKnownHostsStore, IDisposable
{
    private readonly string _path;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private Dictionary<string, SshHostKey>? _keys;

    public FileKnownHostsStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = Path.GetFullPath(path);
    }

    public string FilePath => _path;

    public async ValueTask<SshHostKey?> FindAsync(string endpoint, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var keys = await LoadAsync(cancellationToken).ConfigureAwait(false);
            return keys.GetValueOrDefault(endpoint);
        }
        finally
        {
            _lock.Release();
        }
    }

    public async ValueTask<SshHostKey> PinAsync(string endpoint, SshHostKey key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        ArgumentNullException.ThrowIfNull(key);
        if (endpoint.Any(char.IsWhiteSpace) || key.Algorithm.Any(char.IsWhiteSpace) || !key.Fingerprint.StartsWith("SHA256:", StringComparison.Ordinal))
        {
            throw new ArgumentException($"cannot pin '{key.Algorithm} {key.Fingerprint}' for '{endpoint}': no blanks allowed, the fingerprint starts with SHA256:", nameof(key));
        }

        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var keys = await LoadAsync(cancellationToken).ConfigureAwait(false);
            if (keys.TryGetValue(endpoint, out var pinned))
            {
                return pinned;
            }

            var text = new StringBuilder();
            foreach (var (name, value) in keys.Append(new(endpoint, key)))
            {
                text.Append(CultureInfo.InvariantCulture, $"{name} {value.Algorithm} {value.Fingerprint}\n");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            var temporary = _path + ".tmp";
            await File.WriteAllTextAsync(temporary, text.ToString(), cancellationToken).ConfigureAwait(false);
            File.Move(temporary, _path, overwrite: true);
            keys[endpoint] = key;
            return key;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    private async ValueTask<Dictionary<string, SshHostKey>> LoadAsync(CancellationToken cancellationToken)
    {
        if (_keys is not null)
        {
            return _keys;
        }

        var keys = new Dictionary<string, SshHostKey>(StringComparer.OrdinalIgnoreCase);
        if (File.Exists(_path))
        {
            var lines = await File.ReadAllLinesAsync(_path, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != 3 || !parts[2].StartsWith("SHA256:", StringComparison.Ordinal))
                {
                    throw new InvalidDataException($"{_path} line {i + 1}: expected 'host:port algorithm SHA256:fingerprint', found '{line}'");
                }

                if (!keys.TryAdd(parts[0], new SshHostKey(parts[1], parts[2])))
                {
                    throw new InvalidDataException($"{_path} line {i + 1}: {parts[0]} is pinned twice");
                }
            }
        }

        _keys = keys;
        return keys;
    }
}
