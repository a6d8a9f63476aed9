using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace MonitoringHost.Probes.Tcp;

/// <summary>
/// The Linux connector: the socket calls a check needs and no more. A non-blocking connect that the kernel finishes
/// at once (a listener on the same machine or a very near one) is done in five system calls on the calling thread,
/// with no timer and no hand-off between threads; one still in progress waits on <see cref="ConnectReactor"/>.
/// .NET's own sockets take about twice the calls per check, through their event thread and the thread pool.
/// </summary>
internal sealed class LinuxTcpConnector : TcpConnector
{
    public static bool IsSupported =>
        OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    public override ValueTask<SocketError> ConnectAsync(IPEndPoint endpoint, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        cancellationToken.ThrowIfCancellationRequested();
        var family = endpoint.AddressFamily == AddressFamily.InterNetworkV6 ? LinuxSockets.AF_INET6 : LinuxSockets.AF_INET;
        var socket = LinuxSockets.Socket(family);
        if (socket.IsInvalid)
        {
            var error = LinuxSockets.LastError();
            socket.Dispose();
            return ValueTask.FromResult(error);
        }

        var completed = false;
        try
        {
            Span<byte> address = stackalloc byte[LinuxSockets.SockaddrIn6Size];
            var length = LinuxSockets.WriteSockaddr(endpoint, address);
            if (LinuxSockets.Connect(socket, address[..length]))
            {
                completed = true;
                return ValueTask.FromResult(Finish(socket, SocketError.Success));
            }

            if (Marshal.GetLastPInvokeError() != LinuxSockets.EINPROGRESS)
            {
                completed = true;
                return ValueTask.FromResult(Finish(socket, LinuxSockets.LastError()));
            }

            var events = LinuxSockets.PollWritable(socket);
            if (events != 0)
            {
                completed = true;
                return ValueTask.FromResult(Finish(socket, LinuxSockets.ConnectOutcome(socket, events)));
            }

            completed = true;
            return WaitAsync(socket, timeout, time, cancellationToken);
        }
        finally
        {
            if (!completed)
            {
                socket.Dispose();
            }
        }
    }

    private static async ValueTask<SocketError> WaitAsync(SafeSocketDescriptor socket, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using (socket)
        {
            using var deadline = new CancellationTokenSource(timeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            int events;
            try
            {
                events = await ConnectReactor.Shared.WaitWritableAsync(socket, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return SocketError.TimedOut;
            }

            return Finish(socket, LinuxSockets.ConnectOutcome(socket, events));
        }
    }

    /// <summary>Closes the socket, with a reset after a connection so that neither side keeps a TIME_WAIT socket.</summary>
    private static SocketError Finish(SafeSocketDescriptor socket, SocketError outcome)
    {
        using (socket)
        {
            if (outcome == SocketError.Success)
            {
                LinuxSockets.SetResetOnClose(socket);
            }

            return outcome;
        }
    }
}

/// <summary>A socket file descriptor of the Linux connector, closed once.</summary>
internal sealed class SafeSocketDescriptor() : SafeHandle(-1, ownsHandle: true)
{
    public override bool IsInvalid => handle < 0;

    protected override bool ReleaseHandle() => LinuxSockets.Close((int)handle) == 0;
}

/// <summary>Linux socket calls and their constants (the same on x86-64 and arm64).</summary>
internal static unsafe partial class LinuxSockets
{
    public const int AF_INET = 2;
    public const int AF_INET6 = 10;
    public const int EINPROGRESS = 115;
    public const int EINTR = 4;
    public const int SockaddrIn6Size = 28;
    public const short POLLOUT = 0x004;
    public const short POLLERR = 0x008;
    public const short POLLHUP = 0x010;

    private const int SOCK_STREAM = 1;
    private const int SOCK_NONBLOCK = 0x800;
    private const int SOCK_CLOEXEC = 0x80000;
    private const int IPPROTO_TCP = 6;
    private const int SOL_SOCKET = 1;
    private const int SO_ERROR = 4;
    private const int SO_LINGER = 13;

    public static SafeSocketDescriptor Socket(int family) => socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_TCP);

    /// <summary>Writes <paramref name="endpoint"/> as a <c>sockaddr_in</c> or <c>sockaddr_in6</c>; returns its length.</summary>
    public static int WriteSockaddr(IPEndPoint endpoint, Span<byte> destination)
    {
        destination.Clear();
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)endpoint.Port);
        if (endpoint.AddressFamily == AddressFamily.InterNetworkV6)
        {
            BitConverter.TryWriteBytes(destination, (ushort)AF_INET6);
            endpoint.Address.TryWriteBytes(destination[8..24], out _);
            BitConverter.TryWriteBytes(destination[24..], (uint)endpoint.Address.ScopeId);
            return SockaddrIn6Size;
        }

        BitConverter.TryWriteBytes(destination, (ushort)AF_INET);
        endpoint.Address.TryWriteBytes(destination[4..8], out _);
        return 16;
    }

    /// <summary>True when connected at once; otherwise the reason is in the last P/Invoke error.</summary>
    public static bool Connect(SafeSocketDescriptor socket, ReadOnlySpan<byte> address)
    {
        fixed (byte* pointer = address)
        {
            return connect(socket, pointer, address.Length) == 0;
        }
    }

    /// <summary>The poll events of the socket right now (0 while its connection is still being made).</summary>
    public static short PollWritable(SafeSocketDescriptor socket)
    {
        var success = false;
        socket.DangerousAddRef(ref success);
        try
        {
            var descriptor = new PollDescriptor { Fd = (int)socket.DangerousGetHandle(), Events = POLLOUT };
            int result;
            while ((result = poll(&descriptor, 1, 0)) < 0 && Marshal.GetLastPInvokeError() == EINTR)
            {
            }

            return result > 0 ? descriptor.ReturnedEvents : (short)0;
        }
        finally
        {
            socket.DangerousRelease();
        }
    }

    /// <summary>How a connection attempt ended, once the socket has reported <paramref name="events"/>.</summary>
    public static SocketError ConnectOutcome(SafeSocketDescriptor socket, int events)
    {
        if ((events & (POLLERR | POLLHUP)) == 0)
        {
            return SocketError.Success;
        }

        int error = 0, length = sizeof(int);
        if (getsockopt(socket, SOL_SOCKET, SO_ERROR, &error, &length) != 0)
        {
            return LastError();
        }

        return error == 0 ? SocketError.ConnectionReset : ToSocketError(error);
    }

    public static void SetResetOnClose(SafeSocketDescriptor socket)
    {
        var linger = stackalloc int[2] { 1, 0 };
        if (setsockopt(socket, SOL_SOCKET, SO_LINGER, linger, 2 * sizeof(int)) != 0)
        {
            throw new SocketException((int)LastError());
        }
    }

    public static int Close(int fd) => close(fd);

    public static SocketError LastError() => ToSocketError(Marshal.GetLastPInvokeError());

    /// <summary>The <see cref="SocketError"/> for a Linux errno a connection attempt can end with.</summary>
    public static SocketError ToSocketError(int errno) => errno switch
    {
        0 => SocketError.Success,
        1 or 13 => SocketError.AccessDenied,              // EPERM, EACCES
        4 => SocketError.Interrupted,                     // EINTR
        11 => SocketError.WouldBlock,                     // EAGAIN
        22 => SocketError.InvalidArgument,                // EINVAL
        23 or 24 => SocketError.TooManyOpenSockets,       // ENFILE, EMFILE
        97 => SocketError.AddressFamilyNotSupported,      // EAFNOSUPPORT
        98 => SocketError.AddressAlreadyInUse,            // EADDRINUSE
        99 => SocketError.AddressNotAvailable,            // EADDRNOTAVAIL
        100 => SocketError.NetworkDown,                   // ENETDOWN
        101 => SocketError.NetworkUnreachable,            // ENETUNREACH
        103 => SocketError.ConnectionAborted,             // ECONNABORTED
        104 => SocketError.ConnectionReset,               // ECONNRESET
        105 => SocketError.NoBufferSpaceAvailable,        // ENOBUFS
        110 => SocketError.TimedOut,                      // ETIMEDOUT
        111 => SocketError.ConnectionRefused,             // ECONNREFUSED
        112 => SocketError.HostDown,                      // EHOSTDOWN
        113 => SocketError.HostUnreachable,               // EHOSTUNREACH
        _ => SocketError.SocketError,
    };

    [StructLayout(LayoutKind.Sequential)]
    private struct PollDescriptor
    {
        public int Fd;
        public short Events;
        public short ReturnedEvents;
    }

    [LibraryImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial SafeSocketDescriptor socket(int domain, int type, int protocol);

    [LibraryImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int connect(SafeSocketDescriptor fd, byte* address, int length);

    [LibraryImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int poll(PollDescriptor* descriptors, nuint count, int timeout);

    [LibraryImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int getsockopt(SafeSocketDescriptor fd, int level, int name, int* value, int* length);

    [LibraryImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int setsockopt(SafeSocketDescriptor fd, int level, int name, int* value, int length);

    [LibraryImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int close(int fd);
}
