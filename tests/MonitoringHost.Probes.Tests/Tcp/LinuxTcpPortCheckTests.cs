using System.Net;
using System.Net.Sockets;
using MonitoringHost.Probes.Tcp;

namespace MonitoringHost.Probes.Tests.Tcp;

/// <summary>The Linux connector: the whole contract, and the waits of connections the kernel cannot finish at once.</summary>
public sealed class LinuxTcpPortCheckTests() : TcpPortCheckTests(new LinuxTcpConnector())
{
    protected override bool Supported => LinuxTcpConnector.IsSupported;

    [SkippableFact]
    public void Platform_OnLinux_IsTheLinuxConnector()
    {
        Skip.IfNot(Supported);

        TcpConnector.Platform.Should().BeOfType<LinuxTcpConnector>();
    }

    [SkippableFact]
    public async Task CheckAsync_QueueFreedWhileWaiting_SucceedsWhenTheKernelRetries()
    {
        Skip.IfNot(Supported);
        var (listener, port) = await FullListenerAsync();
        using var _ = listener;

        // The SYN is dropped while the queue is full; the kernel sends it again about a second later, by when the
        // queued connection has been accepted. The check waits on the reactor all that time.
        var check = Check.CheckAsync("127.0.0.1", port, TimeSpan.FromSeconds(10), CancellationToken.None);
        await Task.Delay(300);
        check.IsCompleted.Should().BeFalse();
        ConnectReactor.Shared.Waiting.Should().BeGreaterThanOrEqualTo(1);
        using (listener.Accept())
        {
        }

        var result = await check.WaitAsync(TimeSpan.FromSeconds(10));

        result.StatusCode.Should().Be(TcpStatusCodes.Success);
        result.ConnectionTime.Should().BeGreaterThan(TimeSpan.FromMilliseconds(800));
        using (listener.Accept())
        {
        }
    }

    [SkippableFact]
    public async Task CheckAsync_CallerCancelsWhileWaiting_ThrowsAndLeavesNoWaiter()
    {
        Skip.IfNot(Supported);
        var (listener, port) = await FullListenerAsync();
        using var _ = listener;
        using var cancellation = new CancellationTokenSource();

        var check = Check.CheckAsync("127.0.0.1", port, TimeSpan.FromSeconds(10), cancellation.Token);
        await Task.Delay(200);
        check.IsCompleted.Should().BeFalse();
        await cancellation.CancelAsync();

        await check.Awaiting(c => c).Should().ThrowAsync<OperationCanceledException>();
        ConnectReactor.Shared.Waiting.Should().Be(0);
    }

    [SkippableFact]
    public async Task CheckAsync_ManyTimeoutsAndSuccessesTogether_EachGetsItsOwnOutcome()
    {
        Skip.IfNot(Supported);
        // Waits that time out give their descriptors back while others reuse the numbers: every outcome must still
        // be the socket's own.
        var (full, fullPort) = await FullListenerAsync();
        using var _ = full;
        using var open = new TcpListener(IPAddress.Loopback, 0);
        open.Start(1024);
        var openPort = ((IPEndPoint)open.LocalEndpoint).Port;
        using var accepting = new CancellationTokenSource();
        var acceptLoop = Task.Run(async () =>
        {
            while (!accepting.IsCancellationRequested)
            {
                using var accepted = await open.AcceptSocketAsync(accepting.Token);
            }
        });

        var checks = Enumerable.Range(0, 400)
            .Select(i => i % 4 == 0
                ? Check.CheckAsync("127.0.0.1", fullPort, TimeSpan.FromMilliseconds(200 + i), CancellationToken.None)
                : Check.CheckAsync("127.0.0.1", openPort, TimeSpan.FromSeconds(10), CancellationToken.None))
            .ToList();
        var results = await Task.WhenAll(checks);
        await accepting.CancelAsync();
        await acceptLoop.Awaiting(l => l).Should().ThrowAsync<OperationCanceledException>();

        results.Where(r => r.Port == fullPort).Should().HaveCount(100).And.OnlyContain(r => r.StatusCode == TcpStatusCodes.TimedOut);
        results.Where(r => r.Port == openPort).Should().HaveCount(300).And.OnlyContain(r => r.StatusCode == TcpStatusCodes.Success);
        ConnectReactor.Shared.Waiting.Should().Be(0);
    }

    [Theory]
    [InlineData("127.0.0.1", 8080, "02-00-1F-90-7F-00-00-01-00-00-00-00-00-00-00-00")]
    [InlineData("::1", 443, "0A-00-01-BB-00-00-00-00-00-00-00-00-00-00-00-00-00-00-00-00-00-00-00-01-00-00-00-00")]
    public void WriteSockaddr_WritesTheKernelsLayout(string address, int port, string expected)
    {
        var buffer = new byte[LinuxSockets.SockaddrIn6Size];

        var length = LinuxSockets.WriteSockaddr(new IPEndPoint(IPAddress.Parse(address), port), buffer);

        BitConverter.ToString(buffer, 0, length).Should().Be(expected);
    }

    [Theory]
    [InlineData(111, SocketError.ConnectionRefused)]
    [InlineData(110, SocketError.TimedOut)]
    [InlineData(113, SocketError.HostUnreachable)]
    [InlineData(101, SocketError.NetworkUnreachable)]
    [InlineData(99, SocketError.AddressNotAvailable)]
    [InlineData(24, SocketError.TooManyOpenSockets)]
    [InlineData(9999, SocketError.SocketError)]
    public void ToSocketError_MapsConnectErrors(int errno, SocketError expected)
    {
        LinuxSockets.ToSocketError(errno).Should().Be(expected);
    }
}
