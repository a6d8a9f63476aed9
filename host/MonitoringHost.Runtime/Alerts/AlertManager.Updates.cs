using System.Collections.Immutable;
using MonitoringHost.Runtime.Operations;

namespace MonitoringHost.Runtime.Alerts;

public sealed partial class AlertManager
{
    /// <summary>
    /// Applies <paramref name="patch"/> to one alert by <paramref name="author"/>: a history entry lists exactly the
    /// fields that changed (old and new), who, when and the comment, and the version goes up by one. With
    /// <paramref name="expectedVersion"/> a stale version throws <see cref="AlertVersionConflictException"/>.
    /// Closing (255) sets TimeResolved and ResolvedBy and leaves the monitor alone; reopening (from 255 to another
    /// state) clears them and makes the alert the open one for its monitor or suppression again, which conflicts when
    /// another alert holds that place. A patch that changes nothing and has no comment changes nothing.
    /// </summary>
    public Alert Update(Guid id, AlertPatch patch, ChangeAuthor author, OperationsBatch batch, long? expectedVersion = null)
    {
        ThrowIfInvalid(patch, author, batch);
        return Apply(id, patch, author, batch, expectedVersion);
    }

    /// <summary>
    /// One patch over many alerts (API.md <c>alerts:batchUpdate</c>): each alert is updated as by <see cref="Update"/>;
    /// an unknown id or a reopening conflict is a failure of that id with the reason, the others are still updated.
    /// A patch that is itself invalid (an unknown resolution state…) throws before any alert changes.
    /// </summary>
    public AlertBatchUpdateResult UpdateMany(IEnumerable<Guid> ids, AlertPatch patch, ChangeAuthor author, OperationsBatch batch)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ThrowIfInvalid(patch, author, batch);
        var updated = new List<Guid>();
        var failures = new List<AlertUpdateFailure>();
        foreach (var id in ids.Distinct())
        {
            try
            {
                Apply(id, patch, author, batch, expectedVersion: null);
                updated.Add(id);
            }
            catch (AlertNotFoundException e)
            {
                failures.Add(new AlertUpdateFailure(id, e.Message));
            }
            catch (AlertConflictException e)
            {
                failures.Add(new AlertUpdateFailure(id, e.Message));
            }
        }

        return new AlertBatchUpdateResult(updated, failures);
    }

    /// <summary>
    /// Objects removed from the instance space: their open alerts are closed by System, the history comment naming
    /// the object. Returns the alerts closed.
    /// </summary>
    public IReadOnlyList<Alert> ObjectsRemoved(IEnumerable<Guid> objectIds, OperationsBatch batch)
    {
        ArgumentNullException.ThrowIfNull(objectIds);
        ArgumentNullException.ThrowIfNull(batch);
        var removed = objectIds.ToHashSet();
        var closing = _open.Values.Where(a => removed.Contains(a.MonitoringObjectId)).ToList();
        var now = _time.GetUtcNow();
        return closing.ConvertAll(alert => Save(
            alert,
            Closed(alert, ChangeAuthor.System, now),
            ChangeAuthor.System,
            $"Closed: {alert.MonitoringObjectDisplayName} ({alert.MonitoringObjectPath}, {alert.MonitoringObjectId:D}) was removed from the instance space",
            batch));
    }

    /// <summary>
    /// A connector was deleted: the open alerts marked for it are released (their connector cleared) by System, the
    /// history comment naming it. Closed alerts keep the id as a record of where they went. Returns the alerts released.
    /// </summary>
    public IReadOnlyList<Alert> ReleaseConnector(Guid connectorId, string connectorName, OperationsBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var marked = _open.Values.Where(a => a.ConnectorId == connectorId).ToList();
        return marked.ConvertAll(alert => Save(
            alert,
            alert with { ConnectorId = null },
            ChangeAuthor.System,
            $"Released: the connector {connectorName} ({connectorId:D}) was deleted",
            batch));
    }

    private Alert Apply(Guid id, AlertPatch patch, ChangeAuthor author, OperationsBatch batch, long? expectedVersion)
    {
        var current = Get(id) ?? throw new AlertNotFoundException(id);
        if (expectedVersion is { } expected && expected != current.Version)
        {
            throw new AlertVersionConflictException(id, expected, current.Version);
        }

        var changed = current with
        {
            Owner = patch.Owner is null ? current.Owner : Cleared(patch.Owner),
            TicketId = patch.TicketId is null ? current.TicketId : Cleared(patch.TicketId),
            CustomFields = WithCustomFields(current.CustomFields, patch.CustomFields),
            ConnectorId = patch.ConnectorId is not { } connector ? current.ConnectorId : connector == Guid.Empty ? null : connector,
        };
        if (patch.ResolutionState is { } state && state != current.ResolutionState)
        {
            changed = changed with { ResolutionState = state };
            if (state == Alert.Closed)
            {
                changed = Closed(changed, author, _time.GetUtcNow());
            }
            else if (!current.IsOpen)
            {
                if (OpenHolder(current) is { } holder)
                {
                    throw new AlertConflictException(id, holder, Describe(current));
                }

                changed = changed with { TimeResolved = null, ResolvedBy = null };
            }
        }

        return Save(current, changed, author, patch.Comment, batch);
    }

    private void ThrowIfInvalid(AlertPatch patch, ChangeAuthor author, OperationsBatch batch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(author);
        ArgumentNullException.ThrowIfNull(batch);
        var problems = new List<string>();
        if (patch.ResolutionState is { } state && _states.Problem(state) is { } unknown)
        {
            problems.Add(unknown);
        }

        CheckCustomFields(patch.CustomFields, problems);
        if (problems.Count > 0)
        {
            throw new InvalidAlertChangeException(problems);
        }
    }

    private static void CheckCustomFields(ImmutableDictionary<int, string> fields, List<string> problems) =>
        problems.AddRange(fields.Keys.Where(n => n is < 1 or > 10).Order().Select(n => $"customField{n} is not a field (customField1 to customField10)"));

    /// <summary>An empty text clears a field.</summary>
    private static string? Cleared(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static ImmutableArray<string?> WithCustomFields(ImmutableArray<string?> fields, ImmutableDictionary<int, string> changes)
    {
        if (changes.IsEmpty)
        {
            return fields;
        }

        var builder = fields.ToBuilder();
        foreach (var (number, value) in changes)
        {
            builder[number - 1] = Cleared(value);
        }

        return builder.MoveToImmutable();
    }
}
