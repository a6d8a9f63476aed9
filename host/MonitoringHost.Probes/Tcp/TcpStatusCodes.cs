using System.Net.Sockets;

namespace MonitoringHost.Probes.Tcp;

/// <summary>
/// SCOM's TCP port check status codes: 0 on success, otherwise the Windows socket error as an HRESULT
/// (<c>0x8007xxxx</c>) read as an unsigned number, which is what packs compare <c>StatusCode</c> against.
/// </summary>
public static class TcpStatusCodes
{
    public const uint Success = 0;

    /// <summary>WSAECONNREFUSED (10061).</summary>
    public const uint ConnectionRefused = 2147952461;

    /// <summary>WSAETIMEDOUT (10060).</summary>
    public const uint TimedOut = 2147952460;

    /// <summary>WSAHOST_NOT_FOUND (11001).</summary>
    public const uint HostNotFound = 2147953401;

    /// <summary>WSAEHOSTUNREACH (10065).</summary>
    public const uint HostUnreachable = 2147952465;

    /// <summary>E_FAIL, for a failure that carries no socket error.</summary>
    public const uint Failed = 0x80004005;

    private const uint Win32Facility = 0x80070000;

    /// <summary>
    /// The status code for a socket error. .NET reports socket errors with their Windows numbers on every platform,
    /// so the HRESULT is the same one Operations Manager reports. Every name resolution failure becomes
    /// <see cref="HostNotFound"/>: packs know that one code for "DNS failure", and the message keeps the detail.
    /// </summary>
    public static uint FromSocketError(SocketError error) => error switch
    {
        SocketError.Success => Success,
        SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData or SocketError.NoRecovery => HostNotFound,
        > 0 and <= (SocketError)0xFFFF => Win32Facility | (uint)error,
        _ => Failed,
    };
}
