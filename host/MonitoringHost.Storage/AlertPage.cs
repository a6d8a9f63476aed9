using MonitoringHost.Runtime.Alerts;

namespace MonitoringHost.Storage;

/// <summary>One page of alerts, and the cursor of the next page (null when this page is the last).</summary>
public sealed record AlertPage(IReadOnlyList<Alert> Items, AlertCursor? Next);
