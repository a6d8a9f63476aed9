using System.Net;
using System.Net.Sockets;
using MonitoringHost.Probes.Tcp;

namespace MonitoringHost.Probes.Tests.Tcp;

/// <summary>The contract of a TCP port check, run once with each connector.</summary>
public abstract class TcpPortCheckTests
{
    private readonly TcpPortCheck _check;

    private protected TcpPortCheckTests(TcpConnector connector)
    {
        Connector = connector;
        _check = new TcpPortCheck(TimeProvider.System, connector);
    }

    private protected TcpConnector Connector { get; }

    protected virtual bool Supported => true;

    protected TcpPortCheck Check => _check;

    [SkippableFact]
    public async Task CheckAsync_ListeningPort_SucceedsWithItsConnectionTime()
    {
        Skip.IfNot(Supported);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var result = await _check.CheckAsync("127.0.0.1", port, TimeSpan.FromSeconds(5), CancellationToken.None);

        result.StatusCode.Should().Be(TcpStatusCodes.Success);
        result.Succeeded.Should().BeTrue();
        result.Address.Should().Be(IPAddress.Loopback);
        result.Message.Should().BeNull();
        result.ConnectionTime.Should().BePositive().And.BeLessThan(TimeSpan.FromSeconds(5));
        using var accepted = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(5));
        ((IPEndPoint)accepted.Client.RemoteEndPoint!).Address.Should().Be(IPAddress.Loopback);
    }

    [SkippableFact]
    public async Task CheckAsync_ClosedPort_ReportsConnectionRefused()
    {
        Skip.IfNot(Supported);
        var port = ClosedPort();

        var result = await _check.CheckAsync("127.0.0.1", port, TimeSpan.FromSeconds(5), CancellationToken.None);

        result.StatusCode.Should().Be(2147952461u);
        result.Succeeded.Should().BeFalse();
        result.Message.Should().Contain($"127.0.0.1:{port}").And.Contain("refused");
    }

    [SkippableFact]
    public async Task CheckAsync_ListenerWithFullBacklog_ReportsTimeout()
    {
        Skip.IfNot(Supported);
        // Linux drops a SYN while the listener's accept queue is full, so the connection neither opens nor is
        // refused: the one loopback case where a connection attempt times out. A backlog of 0 holds one connection.
        var (listener, port) = await FullListenerAsync();
        using var _ = listener;

        var result = await _check.CheckAsync("127.0.0.1", port, TimeSpan.FromMilliseconds(500), CancellationToken.None);

        result.StatusCode.Should().Be(2147952460u);
        result.ConnectionTime.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(450));
        result.Message.Should().Contain("took longer than 0.5 s");
    }

    [SkippableFact]
    public async Task CheckAsync_ReservedInvalidName_ReportsDnsFailure()
    {
        Skip.IfNot(Supported);
        // RFC 6761 reserves .invalid: no resolver may answer it with an address.
        var result = await _check.CheckAsync("monitoringhost-test.invalid", 80, TimeSpan.FromSeconds(10), CancellationToken.None);

        result.StatusCode.Should().Be(2147953401u);
        result.Address.Should().BeNull();
        result.Message.Should().StartWith("monitoringhost-test.invalid could not be resolved");
    }

    [SkippableFact]
    public async Task CheckAsync_CallerCancels_Throws()
    {
        Skip.IfNot(Supported);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var check = () => _check.CheckAsync("127.0.0.1", ClosedPort(), TimeSpan.FromSeconds(5), cancelled.Token);

        await check.Should().ThrowAsync<OperationCanceledException>();
    }

    [SkippableFact]
    public async Task CheckAsync_Ipv6Loopback_Succeeds()
    {
        Skip.IfNot(Supported && Socket.OSSupportsIPv6);
        using var listener = new TcpListener(IPAddress.IPv6Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var result = await _check.CheckAsync("::1", port, TimeSpan.FromSeconds(5), CancellationToken.None);

        result.StatusCode.Should().Be(TcpStatusCodes.Success);
        result.Address.Should().Be(IPAddress.IPv6Loopback);
        using var accepted = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(5));
        ((IPEndPoint)accepted.Client.RemoteEndPoint!).Address.Should().Be(IPAddress.IPv6Loopback);
    }

    /// <summary>A listener whose accept queue (backlog 0: one connection) is already full, and its port.</summary>
    protected async Task<(Socket Listener, int Port)> FullListenerAsync()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        var filler = await _check.CheckAsync("127.0.0.1", port, TimeSpan.FromSeconds(5), CancellationToken.None);
        filler.Succeeded.Should().BeTrue("the first connection fills the queue");
        return (listener, port);
    }

    /// <summary>A port nothing listens on: bound once to get a free number, then released.</summary>
    internal static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}

/// <summary>The portable connector on .NET's sockets.</summary>
public sealed class PortableTcpPortCheckTests() : TcpPortCheckTests(new SocketTcpConnector());
