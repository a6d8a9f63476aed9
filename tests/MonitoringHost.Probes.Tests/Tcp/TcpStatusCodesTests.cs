using System.Net.Sockets;
using MonitoringHost.Probes.Tcp;

namespace MonitoringHost.Probes.Tests.Tcp;

public sealed class TcpStatusCodesTests
{
    [Theory]
    [InlineData(SocketError.Success, 0u)]
    [InlineData(SocketError.ConnectionRefused, 2147952461u)]
    [InlineData(SocketError.TimedOut, 2147952460u)]
    [InlineData(SocketError.HostNotFound, 2147953401u)]
    [InlineData(SocketError.TryAgain, 2147953401u)]
    [InlineData(SocketError.NoData, 2147953401u)]
    [InlineData(SocketError.HostUnreachable, 2147952465u)]
    [InlineData(SocketError.NetworkUnreachable, 0x80072743u)]
    [InlineData(SocketError.SocketError, 0x80004005u)]
    public void FromSocketError_WindowsSocketError_IsOperationsManagersStatusCode(SocketError error, uint expected)
    {
        TcpStatusCodes.FromSocketError(error).Should().Be(expected);
    }
}
