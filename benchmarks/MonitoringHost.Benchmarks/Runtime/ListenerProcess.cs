using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace MonitoringHost.Benchmarks.Runtime;

/// <summary>
/// TCP listeners on 127.0.0.1 in a process of their own, standing in for the monitored servers: they cost the host
/// nothing but the machine's shared cores, as a real server on the same machine would. The child accepts with one
/// epoll loop and keeps each accepted connection open until thousands later (a server waits for the client, which
/// resets the connection when its check is done), then closes it. Linux on x86-64 only.
/// </summary>
internal sealed partial class ListenerProcess : IDisposable
{
    public const string Mode = "listeners";

    private readonly Process _process;

    private ListenerProcess(Process process, IReadOnlyList<int> ports)
    {
        _process = process;
        Ports = ports;
    }

    public IReadOnlyList<int> Ports { get; }

    /// <summary>Starts the child with <paramref name="count"/> listeners and waits until all of them listen.</summary>
    public static ListenerProcess Start(int count)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!, [Mode, count.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        var line = process.StandardOutput.ReadLine()
            ?? throw new InvalidOperationException($"the listener process exited with code {WaitForExit(process)} before listening");
        var ports = line.Split(' ').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
        return new ListenerProcess(process, ports);
    }

    /// <summary>Connections the child has accepted so far.</summary>
    public long Accepted()
    {
        _process.StandardInput.WriteLine("count");
        _process.StandardInput.Flush();
        var line = _process.StandardOutput.ReadLine()
            ?? throw new InvalidOperationException($"the listener process exited with code {WaitForExit(_process)}");
        return long.Parse(line, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Connections accepted so far, once the child has caught up with <paramref name="expected"/> or has accepted
    /// nothing more for a second (it accepts on its own core, a little behind the checks).
    /// </summary>
    public long AcceptedAtLeast(long expected)
    {
        var accepted = Accepted();
        var progress = Stopwatch.StartNew();
        while (accepted < expected && progress.Elapsed < TimeSpan.FromSeconds(1))
        {
            Thread.Sleep(20);
            var now = Accepted();
            if (now > accepted)
            {
                progress.Restart();
            }

            accepted = now;
        }

        return accepted;
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    private static int WaitForExit(Process process)
    {
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>The child's main: listens, prints the ports on one line, answers "count" on stdin until stdin closes.</summary>
    public static int Run(int count)
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            Console.Error.WriteLine("the listener process needs Linux on x86-64 (it uses epoll directly)");
            return 2;
        }

        var epoll = Check(Native.epoll_create1(0), "epoll_create1");
        var listeners = new List<Socket>(count);
        for (var i = 0; i < count; i++)
        {
            var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(4096);
            listener.Blocking = false;
            var registration = new Native.EpollEvent { Events = Native.EpollIn, Data = (ulong)listener.Handle };
            Check(Native.epoll_ctl(epoll, Native.EpollCtlAdd, (int)listener.Handle, ref registration), "epoll_ctl");
            listeners.Add(listener);
        }

        long accepted = 0;
        var loop = new Thread(() => AcceptLoop(epoll, ref accepted)) { IsBackground = true, Name = "accept loop" };
        loop.Start();
        Console.WriteLine(string.Join(' ', listeners.Select(l => ((IPEndPoint)l.LocalEndPoint!).Port)));
        while (Console.ReadLine() is { } command)
        {
            if (command == "count")
            {
                Console.WriteLine(Interlocked.Read(ref accepted).ToString(CultureInfo.InvariantCulture));
            }
        }

        return 0;
    }

    private static unsafe void AcceptLoop(int epoll, ref long accepted)
    {
        const int Kept = 8_192;
        var open = new int[Kept];
        var next = 0;
        var events = stackalloc Native.EpollEvent[256];
        while (true)
        {
            var ready = Native.epoll_wait(epoll, events, 256, -1);
            if (ready < 0)
            {
                if (Marshal.GetLastPInvokeError() == Native.EINTR)
                {
                    continue;
                }

                Check(ready, "epoll_wait");
            }

            for (var i = 0; i < ready; i++)
            {
                int connection;
                while ((connection = Native.accept4((int)events[i].Data, 0, 0, 0)) >= 0)
                {
                    if (open[next] > 0)
                    {
                        Native.close(open[next]);
                    }

                    open[next] = connection;
                    next = (next + 1) % Kept;
                    Interlocked.Increment(ref accepted);
                }
            }
        }
    }

    private static int Check(int result, string call) =>
        result >= 0 ? result : throw new InvalidOperationException($"{call} failed: errno {Marshal.GetLastPInvokeError()}");

    private static unsafe partial class Native
    {
        public const uint EpollIn = 0x001;
        public const int EpollCtlAdd = 1;
        public const int EINTR = 4;

        /// <summary>struct epoll_event, packed on x86-64.</summary>
        [StructLayout(LayoutKind.Sequential, Pack = 4)]
        public struct EpollEvent
        {
            public uint Events;
            public ulong Data;
        }

        [LibraryImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static partial int epoll_create1(int flags);

        [LibraryImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static partial int epoll_ctl(int epfd, int op, int fd, ref EpollEvent registration);

        [LibraryImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static partial int epoll_wait(int epfd, EpollEvent* events, int maxEvents, int timeout);

        [LibraryImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static partial int accept4(int fd, nint address, nint addressLength, int flags);

        [LibraryImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static partial int close(int fd);
    }
}
