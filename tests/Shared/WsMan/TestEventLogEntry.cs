namespace MonitoringHost.Tests.Shared.WsMan;

/// <summary>
/// An event in a Windows event log as the test endpoint serves it through Win32_NTLogEvent: the log, its record number
/// (unique and rising per log, as Windows numbers records), event ID, source, type (1 error, 2 warning, 3 information),
/// time and message.
/// </summary>
internal sealed record TestEventLogEntry(string Logfile, long RecordNumber, int EventCode, string SourceName, int EventType, DateTimeOffset TimeGenerated, string Message)
{
    /// <summary>The Win32_NTLogEvent properties, as the WMI provider returns them for SELECT *.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Properties(string computerName) =>
    [
        new("Category", 0),
        new("CategoryString", null),
        new("ComputerName", computerName),
        new("EventCode", EventCode),
        new("EventIdentifier", EventType == 1 ? 0xC0000000L | (uint)EventCode : EventCode),
        new("EventType", EventType),
        new("InsertionStrings", new[] { Message }),
        new("Logfile", Logfile),
        new("Message", Message),
        new("RecordNumber", RecordNumber),
        new("SourceName", SourceName),
        new("TimeGenerated", TimeGenerated),
        new("TimeWritten", TimeGenerated),
        new("Type", EventType switch { 1 => "Error", 2 => "Warning", _ => "Information" }),
        new("User", null),
    ];
}
