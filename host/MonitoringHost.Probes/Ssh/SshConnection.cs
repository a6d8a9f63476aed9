using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace MonitoringHost.Probes.Ssh;

/// <summary>
/// The one SSH connection to a host for one credential: opened on first use, opened anew on the next use after it
/// dropped, and running at most <see cref="MaxChannels"/> commands at a time (each command is a channel; OpenSSH's
/// default <c>MaxSessions</c> is 10 too); more commands wait their turn.
/// </summary>
internal sealed class SshConnection : IDisposable
{
    public const int MaxChannels = 10;

    private readonly string _host;
    private readonly int _port;
    private readonly SshCredential _credential;
    private readonly IKnownHostsStore _knownHosts;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _channels = new(MaxChannels, MaxChannels);
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private SshClient? _client;
    private IDisposable[] _secrets = [];
    private bool _disposed;

    public SshConnection(string host, int port, SshCredential credential, IKnownHostsStore knownHosts, TimeProvider time)
    {
        _host = host;
        _port = port;
        _credential = credential;
        _knownHosts = knownHosts;
        _time = time;
        Endpoint = SshHostKey.Endpoint(host, port);
    }

    public string Endpoint { get; }

    /// <summary>How many times a connection was opened (its first time included).</summary>
    public int Connects { get; private set; }

    public bool IsConnected => _client is { IsConnected: true };

    public async Task<SshCommandResult> RunAsync(SshCommandRequest request, CancellationToken cancellationToken)
    {
        await _channels.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var started = _time.GetTimestamp();
            var (client, failure) = await ConnectedAsync(request, started, cancellationToken).ConfigureAwait(false);
            return failure ?? await ExecuteAsync(client!, request, started, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _channels.Release();
        }
    }

    /// <summary>Closes the connection as if it had dropped: the next command opens a new one.</summary>
    internal void Drop()
    {
        _connecting.Wait();
        try
        {
            _client?.Disconnect();
        }
        finally
        {
            _connecting.Release();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Close();
        _channels.Dispose();
        _connecting.Dispose();
    }

    private async Task<SshCommandResult> ExecuteAsync(SshClient client, SshCommandRequest request, long started, CancellationToken cancellationToken)
    {
        SshCommandResult Failed(SshCommandStatus status, string message) =>
            SshCommandResult.Failed(Endpoint, status, _time.GetElapsedTime(started), message);

        using var command = client.CreateCommand(request.Command);
        command.CommandTimeout = request.CommandTimeout;
        try
        {
            await command.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SshOperationTimeoutException)
        {
            return Failed(SshCommandStatus.CommandTimeout, $"the command on {Endpoint} did not finish within {Seconds(request.CommandTimeout)} s; it was stopped");
        }
        catch (Exception e) when (e is SshConnectionException or SocketException or ObjectDisposedException && !cancellationToken.IsCancellationRequested)
        {
            return Failed(SshCommandStatus.ConnectionLost, $"the connection to {Endpoint} dropped while the command ran: {e.Message}");
        }

        return new SshCommandResult(
            Endpoint, SshCommandStatus.Completed, command.ExitStatus, command.ExitSignal, command.Result, command.Error, _time.GetElapsedTime(started), null);
    }

    private async Task<(SshClient? Client, SshCommandResult? Failure)> ConnectedAsync(SshCommandRequest request, long started, CancellationToken cancellationToken)
    {
        await _connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_client is { IsConnected: true } open)
            {
                return (open, null);
            }

            Close();
            var failure = await ConnectAsync(request, started, cancellationToken).ConfigureAwait(false);
            return (failure is null ? _client : null, failure);
        }
        finally
        {
            _connecting.Release();
        }
    }

    private async Task<SshCommandResult?> ConnectAsync(SshCommandRequest request, long started, CancellationToken cancellationToken)
    {
        SshCommandResult Failed(SshCommandStatus status, string message) =>
            SshCommandResult.Failed(Endpoint, status, _time.GetElapsedTime(started), message);

        var pinned = await _knownHosts.FindAsync(Endpoint, cancellationToken).ConfigureAwait(false);
        AuthenticationMethod method;
        PrivateKeyFile? key = null;
        if (_credential.PrivateKey is { } privateKey)
        {
            try
            {
                using var keyText = new MemoryStream(Encoding.UTF8.GetBytes(privateKey));
                key = new PrivateKeyFile(keyText, _credential.Passphrase);
            }
            catch (Exception e) when (e is SshException or ArgumentException or FormatException or InvalidOperationException or NotSupportedException)
            {
                return Failed(SshCommandStatus.InvalidPrivateKey, $"the private key of user {_credential.UserName} cannot be read: {e.Message}");
            }

            method = new PrivateKeyAuthenticationMethod(_credential.UserName, key);
        }
        else
        {
            method = new PasswordAuthenticationMethod(_credential.UserName, _credential.Password!);
        }

        _secrets = key is null ? [method] : [method, key];
        var info = new ConnectionInfo(_host, _port, _credential.UserName, method) { Timeout = request.ConnectTimeout, MaxSessions = MaxChannels };
        var client = new SshClient(info);
        _client = client;
        SshHostKey? offered = null;
        client.HostKeyReceived += (_, e) =>
        {
            offered = new SshHostKey(e.HostKeyName, "SHA256:" + e.FingerPrintSHA256);
            e.CanTrust = pinned is null ? request.TrustOnFirstUse : string.Equals(pinned.Fingerprint, offered.Fingerprint, StringComparison.Ordinal);
        };

        using var deadline = new CancellationTokenSource(request.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await client.ConnectAsync(linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is OperationCanceledException or SshOperationTimeoutException)
        {
            Close();
            return Failed(SshCommandStatus.ConnectTimeout, $"connecting to {Endpoint} took longer than {Seconds(request.ConnectTimeout)} s");
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            Close();
            return Failed(SshCommandStatus.ConnectionRefused, $"connecting to {Endpoint} was refused: nothing listens there");
        }
        catch (SocketException e)
        {
            Close();
            return Failed(SshCommandStatus.ConnectionFailed, $"connecting to {Endpoint} failed: {e.Message}");
        }
        catch (SshAuthenticationException e)
        {
            Close();
            return Failed(SshCommandStatus.AuthenticationFailed, $"authentication failed for user {_credential.UserName} on {Endpoint}: {e.Message}");
        }
        catch (Exception e) when (e is SshException or ProxyException && !cancellationToken.IsCancellationRequested)
        {
            Close();
            return offered is null
                ? Failed(SshCommandStatus.ConnectionFailed, $"connecting to {Endpoint} failed: {e.Message}")
                : pinned is null
                    ? Failed(SshCommandStatus.UnknownHostKey, $"the host key of {Endpoint} is not known: offered {offered.Fingerprint} ({offered.Algorithm}); pin it, or allow trust on first use for this host")
                    : Failed(SshCommandStatus.HostKeyChanged, HostKeyChanged(pinned, offered));
        }

        Connects++;
        if (pinned is null)
        {
            // Trust on first use: the key this connection accepted is pinned now; a racing connection with another
            // credential may have pinned first, and then both must have seen the same key.
            var now = await _knownHosts.PinAsync(Endpoint, offered!, cancellationToken).ConfigureAwait(false);
            if (!string.Equals(now.Fingerprint, offered!.Fingerprint, StringComparison.Ordinal))
            {
                Close();
                return Failed(SshCommandStatus.HostKeyChanged, HostKeyChanged(now, offered));
            }
        }

        return null;
    }

    private string HostKeyChanged(SshHostKey pinned, SshHostKey offered) =>
        $"the host key of {Endpoint} changed: pinned {pinned.Fingerprint}, offered {offered.Fingerprint}";

    private void Close()
    {
        _client?.Dispose();
        _client = null;
        foreach (var secret in _secrets)
        {
            secret.Dispose();
        }

        _secrets = [];
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
