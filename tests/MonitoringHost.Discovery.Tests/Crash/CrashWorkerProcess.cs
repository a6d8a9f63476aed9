using System.Diagnostics;
using System.Text;
using MonitoringHost.CrashWorker;
using MonitoringHost.Storage;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Discovery.Tests.Crash;

/// <summary>Runs tests/MonitoringHost.CrashWorker on a store and kills it (SIGKILL) while it works.</summary>
internal static class CrashWorkerProcess
{
    /// <summary>
    /// Starts the worker in <paramref name="mode"/> (empty: the snapshot mode) on the store of
    /// <paramref name="options"/>, hands every line it prints to <paramref name="onLine"/>, and kills it
    /// <paramref name="afterMilliseconds"/> after it printed a line starting with "started". Fails when the worker
    /// did not start or wrote an exception.
    /// </summary>
    public static async Task RunAndKillAsync(string mode, StoreOptions options, int afterMilliseconds, Action<string> onLine)
    {
        var worker = Path.Combine(Path.GetDirectoryName(typeof(CrashModel).Assembly.Location)!, "MonitoringHost.CrashWorker.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(worker);
        if (mode.Length > 0)
        {
            start.ArgumentList.Add(mode);
        }

        start.ArgumentList.Add(options.Provider == StoreProvider.Postgres ? "postgres" : "sqlite");
        start.ArgumentList.Add(options.Provider == StoreProvider.Postgres
            ? options.ConnectionString!
            : $"Data Source={Path.Combine(options.DataFolder, StoreOptions.DefaultFileName)}");
        start.ArgumentList.Add(RepositoryPaths.Root);

        using var process = Process.Start(start)!;
        var started = new TaskCompletionSource();
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            onLine(e.Data);
            if (e.Data.StartsWith("started", StringComparison.Ordinal))
            {
                started.TrySetResult();
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var ready = await Task.WhenAny(started.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (ready != started.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"the crash worker did not start: {errors}");
        }

        await Task.Delay(afterMilliseconds);
        process.Kill(entireProcessTree: true);

        // Waiting for exit also waits for the output already written to be read.
        await process.WaitForExitAsync();
        process.HasExited.Should().BeTrue();
        lock (errors)
        {
            errors.ToString().Should().NotContain("Exception", "the worker fails only by being killed");
        }
    }
}
