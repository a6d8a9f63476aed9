using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace MonitoringHost.Probes.Tests.Http;

/// <summary>
/// A small HTTP/1.1 server on 127.0.0.1 (HTTPS when given a certificate) with keep-alive, so that tests see the
/// client's real connection behaviour. It answers each request through the test's function and records what it got.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<ServedRequest, ServedResponse> _respond;
    private readonly X509Certificate2? _certificate;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ServedRequest> _requests = new();
    private readonly ConcurrentQueue<string> _faults = new();
    private readonly ConcurrentQueue<string> _hosts = new();
    private readonly Task _accepting;
    private int _connections;

    private LoopbackHttpServer(Func<ServedRequest, ServedResponse> respond, X509Certificate2? certificate)
    {
        _respond = respond;
        _certificate = certificate;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref _connections);

    public IReadOnlyCollection<ServedRequest> Requests => _requests;

    /// <summary>The Host header of each request, in order.</summary>
    public IReadOnlyCollection<string> Hosts => _hosts;

    /// <summary>Connections that ended in an error (a client that gave up, a failed handshake), in words.</summary>
    public IReadOnlyCollection<string> Faults => _faults;

    public static LoopbackHttpServer Start(Func<ServedRequest, ServedResponse> respond, X509Certificate2? certificate = null) => new(respond, certificate);

    public Uri Url(string path) => new($"{(_certificate is null ? "http" : "https")}://127.0.0.1:{Port}{path}");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            connections.Add(ServeAsync(client, Interlocked.Increment(ref _connections)));
        }

        await Task.WhenAll(connections);
    }

    private async Task ServeAsync(TcpClient client, int connection)
    {
        using (client)
        {
            try
            {
                Stream stream = client.GetStream();
                if (_certificate is not null)
                {
                    var tls = new SslStream(stream);
                    await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, _stop.Token);
                    stream = tls;
                }

                await using (stream)
                {
                    using var reader = new StreamReader(stream, Encoding.ASCII, false, 4096, leaveOpen: true);
                    while (await reader.ReadLineAsync(_stop.Token) is { Length: > 0 } requestLine)
                    {
                        while (await reader.ReadLineAsync(_stop.Token) is { Length: > 0 } header)
                        {
                            // Requests carry no body; of their headers only Host is recorded.
                            if (header.StartsWith("Host:", StringComparison.OrdinalIgnoreCase))
                            {
                                _hosts.Enqueue(header[5..].Trim());
                            }
                        }

                        var parts = requestLine.Split(' ');
                        var request = new ServedRequest(parts[0], parts[1], connection);
                        _requests.Enqueue(request);
                        var response = _respond(request);
                        if (response.Delay > TimeSpan.Zero)
                        {
                            await Task.Delay(response.Delay, _stop.Token);
                        }

                        await WriteAsync(stream, request, response);
                    }
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
            {
                _faults.Enqueue($"connection {connection}: {e.GetType().Name}: {e.Message}");
            }
        }
    }

    private async Task WriteAsync(Stream stream, ServedRequest request, ServedResponse response)
    {
        var body = Encoding.UTF8.GetBytes(response.Body);
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.Status} {ReasonPhrase(response.Status)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n")
            .Append("Content-Type: text/plain; charset=utf-8\r\n");
        foreach (var (name, value) in response.Headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stop.Token);
        if (request.Method != "HEAD")
        {
            await stream.WriteAsync(body, _stop.Token);
        }

        await stream.FlushAsync(_stop.Token);
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        404 => "Not Found",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
