namespace MonitoringHost.Runtime.Modules.Commands;

/// <summary>
/// One <c>Files/File</c> of <c>System.CommandExecuterSchema</c>: written into the run's folder before the command
/// starts, as UTF-16 LE with a byte order mark when <paramref name="Unicode"/>, otherwise UTF-8 without one.
/// </summary>
public sealed record CommandFile(string Name, string Contents, bool Unicode);
