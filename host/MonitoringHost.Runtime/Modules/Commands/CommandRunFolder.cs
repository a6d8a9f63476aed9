using System.Text;

namespace MonitoringHost.Runtime.Modules.Commands;

/// <summary>
/// A fresh temporary folder for one run of a command, holding the configuration's files; deleted with everything in
/// it when the run ends. The folder is readable by the host's user only (the files may be scripts with secrets).
/// </summary>
internal sealed class CommandRunFolder : IDisposable
{
    // Files get the execute bit so a pack can run its own script directly ($file/check.sh$ as ApplicationName).
    private const UnixFileMode ScriptFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    // Encoding.Unicode writes UTF-16 LE with its byte order mark, as SCOM writes Unicode files.
    private static readonly Encoding Utf16 = new UnicodeEncoding(bigEndian: false, byteOrderMark: true);

    private CommandRunFolder(string path) => Path = path;

    public string Path { get; }

    public static async Task<CommandRunFolder> CreateAsync(IReadOnlyList<CommandFile> files, CancellationToken cancellationToken)
    {
        var folder = new CommandRunFolder(Directory.CreateTempSubdirectory("monitoringhost-command-").FullName);
        try
        {
            foreach (var file in files)
            {
                await folder.WriteAsync(file, cancellationToken).ConfigureAwait(false);
            }

            return folder;
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    /// <summary>The full path of the file named <paramref name="name"/> in this folder.</summary>
    public string FilePath(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    private async Task WriteAsync(CommandFile file, CancellationToken cancellationToken)
    {
        var encoding = file.Unicode ? Utf16 : Utf8;
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = ScriptFileMode;
        }

        var stream = new FileStream(FilePath(file.Name), options);
        await using (stream.ConfigureAwait(false))
        {
            var preamble = encoding.GetPreamble();
            await stream.WriteAsync(preamble, cancellationToken).ConfigureAwait(false);
            await stream.WriteAsync(encoding.GetBytes(file.Contents), cancellationToken).ConfigureAwait(false);
        }
    }
}
