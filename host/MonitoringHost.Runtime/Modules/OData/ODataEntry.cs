namespace MonitoringHost.Runtime.Modules.OData;

/// <summary>
/// One entry of an OData v2 Atom feed: its entity type (the category term's last segment, <c>Runbook</c> for
/// <c>Microsoft.SystemCenter.Orchestrator.WebService.Runbook</c>) and its properties in the order the service wrote
/// them, each as text (see <see cref="ODataFeedReader"/>).
/// </summary>
public sealed record ODataEntry(string EntityType, IReadOnlyList<KeyValuePair<string, string>> Properties)
{
    public string? this[string name] => Properties.FirstOrDefault(p => p.Key == name) is { Key: not null } found ? found.Value : null;
}
