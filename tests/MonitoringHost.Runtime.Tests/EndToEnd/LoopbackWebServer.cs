using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MonitoringHost.Runtime.Tests.EndToEnd;

/// <summary>An HTTP server on 127.0.0.1 whose /health answers 200 "ok" until the test makes it fail with 503.</summary>
internal sealed class LoopbackWebServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private volatile bool _failing;

    public LoopbackWebServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        HealthUrl = $"http://127.0.0.1:{port}/health";
        _serving = ServeAsync();
    }

    public string HealthUrl { get; }

    public int Requests;

    /// <summary>From now on /health answers 503 "down".</summary>
    public void Fail() => _failing = true;

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }

            Interlocked.Increment(ref Requests);
            var body = Encoding.UTF8.GetBytes(_failing ? "down" : "ok");
            context.Response.StatusCode = _failing ? 503 : 200;
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
