namespace MonitoringHost.Runtime.Modules.OData;

/// <summary>One answer of an OData service: its entries, <c>m:count</c> when the request asked for it, and the <c>rel="next"</c> link (absolute) when the service pages.</summary>
public sealed record ODataFeedPage(IReadOnlyList<ODataEntry> Entries, long? Count, Uri? Next);
