using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace MonitoringHost.Probes.Http;

/// <summary>
/// Sends a request over a connection to another address than its URL's host resolves to, while the URL stays as it
/// is (the Host header, the TLS server name and the certificate check keep the name): how a computer that was added by
/// name with an address is reached over HTTP. A handler uses it as its <see cref="SocketsHttpHandler.ConnectCallback"/>.
/// Connections are pooled by the URL's host and port, so a name keeps the address its pooled connections were opened
/// to until they are replaced.
/// </summary>
public static class HttpConnections
{
    private static readonly HttpRequestOptionsKey<string> Address = new("MonitoringHost.ConnectAddress");

    /// <summary>
    /// A handler as probes use one: redirects not followed (the caller decides), every compression accepted, no
    /// cookies, no proxy (a probe measures the server itself, not the way to it through a proxy the process environment
    /// names), connections replaced after 5 minutes and closed after 1 idle, and connected by <see cref="ConnectAsync"/>.
    /// </summary>
    public static SocketsHttpHandler Handler() => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        UseCookies = false,
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        ConnectCallback = ConnectAsync,
    };

    /// <summary>Has <paramref name="request"/> connect to <paramref name="address"/> (an IP address or a name) instead of its URL's host.</summary>
    public static void ConnectTo(HttpRequestMessage request, string address)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        request.Options.Set(Address, address);
    }

    /// <summary>Connects to the address the request that opens the connection names (<see cref="ConnectTo"/>), otherwise to its URL's host.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.InitialRequestMessage.Options.TryGetValue(Address, out var address) ? address : context.DnsEndPoint.Host;
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
