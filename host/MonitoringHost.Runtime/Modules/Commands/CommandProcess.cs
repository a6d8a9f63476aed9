using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace MonitoringHost.Runtime.Modules.Commands;

/// <summary>
/// Runs one process to its end: standard output and error read at the same time as it runs (a command writing
/// megabytes never blocks on a full pipe), each captured up to <see cref="MaxCapturedChars"/> characters and the rest
/// read and dropped; standard input given the secure input, or closed at once. On the timeout or on cancellation the
/// whole process tree is killed.
/// </summary>
internal static class CommandProcess
{
    /// <summary>How much of standard output, and of standard error, is kept: 4 Mi characters each.</summary>
    public const int MaxCapturedChars = 4 * 1024 * 1024;

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static async Task<CommandResult> RunAsync(
        ProcessStartInfo startInfo,
        string command,
        string? standardInput,
        TimeSpan timeout,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        startInfo.UseShellExecute = false;
        startInfo.CreateNoWindow = true;
        startInfo.RedirectStandardInput = true;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.StandardInputEncoding = Utf8;
        startInfo.StandardOutputEncoding = Utf8;
        startInfo.StandardErrorEncoding = Utf8;

        cancellationToken.ThrowIfCancellationRequested();
        using var process = Start(startInfo, command);
        using var timer = new CancellationTokenSource(timeout, time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);

        var output = CaptureAsync(process.StandardOutput);
        var error = CaptureAsync(process.StandardError);
        var input = FeedAsync(process.StandardInput, standardInput, stop.Token);
        try
        {
            await process.WaitForExitAsync(stop.Token).ConfigureAwait(false);

            // A child left running in the background can hold the pipes open after the command exited: the
            // output is complete only at end of file, which must come within the same timeout.
            await Task.WhenAll(output, error, input).WaitAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new CommandTimedOutException(command, timeout);
        }

        return new CommandResult(await output.ConfigureAwait(false), await error.ConfigureAwait(false), process.ExitCode);
    }

    private static Process Start(ProcessStartInfo startInfo, string command)
    {
        try
        {
            return Process.Start(startInfo) ?? throw new InvalidOperationException("no process was started");
        }
        catch (Exception reason) when (reason is Win32Exception or IOException or InvalidOperationException)
        {
            throw new CommandStartException(command, startInfo.WorkingDirectory, reason);
        }
    }

    private static async Task<string> CaptureAsync(StreamReader reader)
    {
        var captured = new StringBuilder();
        var buffer = new char[16 * 1024];
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            // Past the cap the pipe is still drained, so the command is never blocked writing to it.
            var kept = Math.Min(read, MaxCapturedChars - captured.Length);
            if (kept > 0)
            {
                captured.Append(buffer, 0, kept);
            }
        }

        return captured.ToString();
    }

    private static async Task FeedAsync(StreamWriter writer, string? text, CancellationToken cancellationToken)
    {
        // Bytes straight to the pipe: nothing stays buffered in the writer that a later dispose would try to flush.
        var pipe = writer.BaseStream;
        await using (pipe.ConfigureAwait(false))
        {
            if (text is not { Length: > 0 })
            {
                return;
            }

            try
            {
                await pipe.WriteAsync(Utf8.GetBytes(text), cancellationToken).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // The command ended, or closed its standard input, without reading all of it (a broken pipe): what
                // it does with its input is its own business, and its output and exit code still say how it went.
                return;
            }
        }
    }
}
