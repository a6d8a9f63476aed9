using System.Globalization;

namespace MonitoringHost.Tests.Shared.WsMan;

/// <summary>
/// A Windows service as the test endpoint serves it through Win32_Service. Tests stop and start it; the instance XML
/// follows (State, Started, ProcessId, ExitCode as Windows reports a stopped service). <paramref name="pathName"/> is
/// the service's command line (by default <c>"C:\Program Files\Test\{name}.exe"</c>).
/// </summary>
internal sealed class TestWindowsService(string name, string displayName, int processId, string startMode = "Auto", string? pathName = null)
{
    private readonly Lock _lock = new();
    private string _state = "Running";

    public string Name { get; } = name;

    public string DisplayName { get; } = displayName;

    public string StartMode { get; } = startMode;

    public string PathName { get; } = pathName ?? string.Create(CultureInfo.InvariantCulture, $"\"C:\\Program Files\\Test\\{name}.exe\"");

    public string State
    {
        get { lock (_lock) { return _state; } }
        set { lock (_lock) { _state = value; } }
    }

    public void Stop() => State = "Stopped";

    public void Start() => State = "Running";

    /// <summary>The Win32_Service properties, as the WMI provider returns them for SELECT *.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Properties(string computerName)
    {
        var state = State;
        var running = state == "Running";
        return
        [
            new("AcceptPause", false),
            new("AcceptStop", running),
            new("Caption", DisplayName),
            new("CheckPoint", 0),
            new("CreationClassName", "Win32_Service"),
            new("DelayedAutoStart", false),
            new("Description", $"{DisplayName} (test service)"),
            new("DesktopInteract", false),
            new("DisplayName", DisplayName),
            new("ErrorControl", "Normal"),
            new("ExitCode", running ? 0 : 1077),
            new("InstallDate", null),
            new("Name", Name),
            new("PathName", PathName),
            new("ProcessId", running ? processId : 0),
            new("ServiceSpecificExitCode", 0),
            new("ServiceType", "Own Process"),
            new("Started", running),
            new("StartMode", StartMode),
            new("StartName", "LocalSystem"),
            new("State", state),
            new("Status", "OK"),
            new("SystemCreationClassName", "Win32_ComputerSystem"),
            new("SystemName", computerName),
            new("TagId", 0),
            new("WaitHint", 0),
        ];
    }
}
