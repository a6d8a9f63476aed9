namespace MonitoringHost.Runtime.Modules;

/// <summary>Where <c>System.Health.GenerateAlert</c> hands its alerts (the alert manager; in tests, a recorder).</summary>
public interface IAlertSink
{
    void Raise(AlertRequest alert);
}

/// <summary>
/// An alert a rule asks for: its name and description with every <c>$Data</c> and <c>{n}</c> already filled,
/// priority (0 low, 1 normal, 2 high), severity (0 information, 1 warning, 2 error), and the suppression values:
/// alerts of one workflow and object with equal suppression values are one alert with a repeat count.
/// <see cref="HasSuppression"/> tells an empty <c>&lt;Suppression/&gt;</c> (rule and object alone match) from none at
/// all (every item is a new alert); both give an empty <see cref="Suppression"/>.
/// </summary>
public sealed record AlertRequest(
    string WorkflowId,
    Guid TargetId,
    string Name,
    string Description,
    int Priority,
    int Severity,
    IReadOnlyList<string> Suppression,
    DateTimeOffset Time)
{
    /// <summary>Whether the rule has a <c>Suppression</c> element (possibly empty).</summary>
    public bool HasSuppression { get; init; }

    /// <summary>The filled alert parameters (<c>{0}</c>… of the description); empty text where the rule gives none.</summary>
    public IReadOnlyList<string> Parameters { get; init; } = [];

    /// <summary>The data item that raised it, as XML (<see cref="DataItems.DataItem.ToXml"/>): the alert's Context.</summary>
    public string? Context { get; init; }
}
