using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace MonitoringHost.Probes.Tcp;

/// <summary>
/// Waits for Linux sockets whose connection is still being made: one epoll set and one thread for the process.
/// Each wait is a one-shot registration named by a sequence number, not by its file descriptor, so a late event for
/// a socket that was given up (timed out, cancelled) and whose descriptor number was reused completes nothing.
/// </summary>
internal sealed partial class ConnectReactor
{
    private const uint EPOLLOUT = 0x004;
    private const uint EPOLLERR = 0x008;
    private const uint EPOLLHUP = 0x010;
    private const uint EPOLLONESHOT = 1u << 30;
    private const int EPOLL_CTL_ADD = 1;
    private const int EPOLL_CLOEXEC = 0x80000;
    private const int BatchSize = 256;

    private static readonly Lazy<ConnectReactor> s_shared = new(() => new ConnectReactor());

    /// <summary>On x86-64 the kernel's <c>struct epoll_event</c> is packed (12 bytes); elsewhere it is 16.</summary>
    private static readonly int s_eventSize = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;
    private static readonly int s_dataOffset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 4 : 8;

    private readonly int _epoll;
    private readonly ConcurrentDictionary<ulong, TaskCompletionSource<int>> _waiting = new();
    private long _lastId;
    private volatile SocketException? _failed;

    private ConnectReactor()
    {
        _epoll = epoll_create1(EPOLL_CLOEXEC);
        if (_epoll < 0)
        {
            throw new SocketException((int)LinuxSockets.LastError());
        }

        new Thread(Loop) { IsBackground = true, Name = "TCP connect waits" }.Start();
    }

    public static ConnectReactor Shared => s_shared.Value;

    /// <summary>Connections waiting right now.</summary>
    public int Waiting => _waiting.Count;

    /// <summary>The poll events once <paramref name="socket"/> is writable or has failed.</summary>
    public async Task<int> WaitWritableAsync(SafeSocketDescriptor socket, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var id = (ulong)Interlocked.Increment(ref _lastId);
        var waiter = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[id] = waiter;
        if (_failed is { } failed)
        {
            _waiting.TryRemove(id, out _);
            throw failed;
        }

        if (!Register(socket, id))
        {
            _waiting.TryRemove(id, out _);
            throw new SocketException((int)LinuxSockets.LastError());
        }

        // A cancelled wait leaves its registration behind: closing the socket removes it from the set, and an event
        // that comes first finds no waiter under its number.
        await using var cancellation = cancellationToken.Register(() =>
        {
            if (_waiting.TryRemove(id, out var cancelled))
            {
                cancelled.TrySetCanceled(cancellationToken);
            }
        }).ConfigureAwait(false);
        return await waiter.Task.ConfigureAwait(false);
    }

    private unsafe bool Register(SafeSocketDescriptor socket, ulong id)
    {
        var registration = stackalloc byte[16];
        *(uint*)registration = EPOLLOUT | EPOLLONESHOT;
        *(ulong*)(registration + s_dataOffset) = id;
        var added = false;
        socket.DangerousAddRef(ref added);
        try
        {
            return epoll_ctl(_epoll, EPOLL_CTL_ADD, (int)socket.DangerousGetHandle(), registration) == 0;
        }
        finally
        {
            socket.DangerousRelease();
        }
    }

    private unsafe void Loop()
    {
        var events = (byte*)NativeMemory.Alloc((nuint)(BatchSize * s_eventSize));
        while (true)
        {
            var ready = epoll_wait(_epoll, events, BatchSize, -1);
            if (ready < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno == LinuxSockets.EINTR)
                {
                    continue;
                }

                // The set itself has failed, which cannot be recovered: every waiter learns why.
                FailAll(new SocketException((int)LinuxSockets.ToSocketError(errno)));
                return;
            }

            for (var i = 0; i < ready; i++)
            {
                var entry = events + (i * s_eventSize);
                var flags = *(uint*)entry;
                var id = *(ulong*)(entry + s_dataOffset);
                if (_waiting.TryRemove(id, out var waiter))
                {
                    waiter.TrySetResult((int)(flags & (EPOLLOUT | EPOLLERR | EPOLLHUP)));
                }
            }
        }
    }

    private void FailAll(SocketException error)
    {
        _failed = error;
        foreach (var id in _waiting.Keys)
        {
            if (_waiting.TryRemove(id, out var waiter))
            {
                waiter.TrySetException(error);
            }
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int epoll_create1(int flags);

    [LibraryImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static unsafe partial int epoll_ctl(int epfd, int op, int fd, byte* registration);

    [LibraryImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static unsafe partial int epoll_wait(int epfd, byte* events, int maxEvents, int timeout);
}
