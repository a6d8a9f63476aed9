using System.Collections.Immutable;

namespace MonitoringHost.Runtime.Alerts;

/// <summary>
/// An alert with SCOM's fields (API.md "Alerts"). Severity 0 Information, 1 Warning, 2 Error; priority 0 Low,
/// 1 Normal, 2 High; resolution state 0 New, 255 Closed, 1–254 custom. <see cref="Version"/> goes up by one with
/// every change and is the alert's ETag. An alert is open while <see cref="ResolutionState"/> is not 255.
/// </summary>
public sealed record Alert
{
    public const int New = 0;
    public const int Closed = 255;

    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required int Severity { get; init; }
    public required int Priority { get; init; }
    public int ResolutionState { get; init; } = New;
    public string? Category { get; init; }
    public required Guid MonitoringObjectId { get; init; }
    public required string MonitoringObjectDisplayName { get; init; }
    public required string MonitoringObjectPath { get; init; }

    /// <summary>The target object's class (its ID, e.g. <c>Microsoft.Windows.Computer</c>).</summary>
    public required string MonitoringClassId { get; init; }

    public required bool IsMonitorAlert { get; init; }

    /// <summary>The rule or monitor that raised it (its ID); for an alert created through the SDK, the creator's name.</summary>
    public required string RuleOrMonitorId { get; init; }

    /// <summary>The monitor's or rule's GUID (SCOM's ProblemId).</summary>
    public required Guid ProblemId { get; init; }

    public int RepeatCount { get; init; }
    public string? Owner { get; init; }
    public string? TicketId { get; init; }

    /// <summary>CustomField1..CustomField10 (always ten entries; null where unset).</summary>
    public ImmutableArray<string?> CustomFields { get; init; } = [.. new string?[10]];

    /// <summary>The data item that raised it, as XML.</summary>
    public string? Context { get; init; }

    /// <summary>The filled alert parameters ({0}… of the description).</summary>
    public ImmutableArray<string> Parameters { get; init; } = [];

    /// <summary>A rule alert's suppression values: equal values on an open alert of the same rule and object repeat it.</summary>
    public ImmutableArray<string> Suppression { get; init; } = [];

    /// <summary>
    /// Whether repeats of this rule alert are counted on it: the rule has a <c>Suppression</c> element, even an empty
    /// one (then rule and object alone match). False for monitor and SDK alerts and for rules without suppression,
    /// whose every item is a new alert.
    /// </summary>
    public bool HasSuppression { get; init; }

    public required DateTimeOffset TimeRaised { get; init; }
    public required DateTimeOffset TimeAdded { get; init; }
    public required DateTimeOffset LastModified { get; init; }
    public required string LastModifiedBy { get; init; }
    public DateTimeOffset? TimeResolved { get; init; }
    public string? ResolvedBy { get; init; }
    public Guid? ConnectorId { get; init; }
    public long Version { get; init; } = 1;

    public bool IsOpen => ResolutionState != Closed;
}

/// <summary>Who made a change: a user (API key name), a connector (its id), or the host itself.</summary>
public enum ChangeAuthorKind
{
    User,
    Connector,
    System,
}

/// <summary>The author of a change: <see cref="Name"/> is the user or connector name, or "System".</summary>
public sealed record ChangeAuthor(string Name, ChangeAuthorKind Kind)
{
    public static readonly ChangeAuthor System = new("System", ChangeAuthorKind.System);
}

/// <summary>
/// One entry of an alert's history: which fields changed from what to what (field names as in the API, camelCase;
/// values as text, null where unset), who changed them, and the comment given.
/// </summary>
public sealed record AlertHistoryEntry(
    Guid AlertId,
    long Version,
    DateTimeOffset Time,
    ChangeAuthor By,
    ImmutableSortedDictionary<string, FieldChange> Changes,
    string? Comment);

/// <summary>A field's value before and after a change.</summary>
public sealed record FieldChange(string? Old, string? New);

/// <summary>A resolution state: 0 New and 255 Closed are fixed; 1–254 are built-in or custom.</summary>
public sealed record ResolutionState(int Code, string Name);
