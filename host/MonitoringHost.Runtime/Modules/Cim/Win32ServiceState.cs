using System.Globalization;
using MonitoringHost.Probes.WsMan;

namespace MonitoringHost.Runtime.Modules.Cim;

/// <summary>
/// The property bag of the Win32 service information modules, as Operations Manager's has it (the values of the
/// Service Control Manager's structures, read here from <c>Win32_Service</c>): <c>State</c> 1 stopped, 2 start
/// pending, 3 stop pending, 4 running, 5 continue pending, 6 pause pending, 7 paused, 8 the service does not exist
/// (0 when WMI says Unknown); <c>StartMode</c> 0 boot, 1 system, 2 automatic, 3 demand (Manual), 4 disabled;
/// <c>ServiceType</c> the SCM bit mask (16 own process, 32 shared process…); and <c>Name</c>, <c>DisplayName</c>,
/// <c>Description</c>, <c>ProcessId</c>, <c>Win32ExitCode</c>, <c>ServiceSpecificExitCode</c>, <c>CheckPoint</c>,
/// <c>WaitHint</c>, <c>BinaryPathName</c>, <c>ServiceAccount</c>, <c>DelayedAutoStart</c>.
/// </summary>
public static class Win32ServiceState
{
    public const int NotFound = 8;

    public static Dictionary<string, string> Of(CimInstance service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Name"] = service.GetString("Name") ?? "",
            ["DisplayName"] = service.GetString("DisplayName") ?? "",
            ["Description"] = service.GetString("Description") ?? "",
            ["State"] = Text(State(service.GetString("State"))),
            ["StartMode"] = Text(StartMode(service.GetString("StartMode"))),
            ["ServiceType"] = Text(ServiceType(service.GetString("ServiceType"))),
            ["ProcessId"] = service.GetString("ProcessId") ?? "0",
            ["Win32ExitCode"] = service.GetString("ExitCode") ?? "0",
            ["ServiceSpecificExitCode"] = service.GetString("ServiceSpecificExitCode") ?? "0",
            ["CheckPoint"] = service.GetString("CheckPoint") ?? "0",
            ["WaitHint"] = service.GetString("WaitHint") ?? "0",
            ["BinaryPathName"] = service.GetString("PathName") ?? "",
            ["ServiceAccount"] = service.GetString("StartName") ?? "",
            ["DelayedAutoStart"] = service.GetString("DelayedAutoStart") ?? "false",
        };
    }

    /// <summary>The bag for a service the computer does not have: its name and State 8.</summary>
    public static Dictionary<string, string> Missing(string serviceName) =>
        new(StringComparer.Ordinal) { ["Name"] = serviceName, ["State"] = Text(NotFound) };

    /// <summary>SERVICE_STOPPED (1) … SERVICE_PAUSED (7) from Win32_Service.State's text; 0 for Unknown or anything else.</summary>
    public static int State(string? text) => text?.ToUpperInvariant() switch
    {
        "STOPPED" => 1,
        "START PENDING" => 2,
        "STOP PENDING" => 3,
        "RUNNING" => 4,
        "CONTINUE PENDING" => 5,
        "PAUSE PENDING" => 6,
        "PAUSED" => 7,
        _ => 0,
    };

    /// <summary>SERVICE_BOOT_START (0) … SERVICE_DISABLED (4) from Win32_Service.StartMode's text (Auto, Manual…); -1 when unknown.</summary>
    public static int StartMode(string? text) => text?.ToUpperInvariant() switch
    {
        "BOOT" => 0,
        "SYSTEM" => 1,
        "AUTO" or "AUTOMATIC" => 2,
        "MANUAL" => 3,
        "DISABLED" => 4,
        _ => -1,
    };

    /// <summary>The SCM service type bit mask from Win32_Service.ServiceType's text; 0 when unknown.</summary>
    public static int ServiceType(string? text) => text?.ToUpperInvariant() switch
    {
        "KERNEL DRIVER" => 0x1,
        "FILE SYSTEM DRIVER" => 0x2,
        "ADAPTER" => 0x4,
        "RECOGNIZER DRIVER" => 0x8,
        "OWN PROCESS" => 0x10,
        "SHARE PROCESS" => 0x20,
        "INTERACTIVE PROCESS" => 0x100,
        _ => 0,
    };

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
