using System.Globalization;

namespace Itsm.Service;

/// <summary>
/// The incidents, in memory. Every change takes the next number of one change sequence, so a client that remembers
/// the highest <see cref="Incident.Sequence"/> it saw finds every incident changed since, with no clock involved.
/// </summary>
public sealed class IncidentStore(TimeProvider time)
{
    private const string DefaultAuthor = "api";
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Incident> _incidents = new(StringComparer.OrdinalIgnoreCase);
    private long _sequence;
    private int _number;

    /// <summary>Opens an incident (status New); its title is checked by the caller.</summary>
    public Incident Open(NewIncident request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var id = "INC" + (++_number).ToString("D6", CultureInfo.InvariantCulture);
            var incident = new Incident(id, request.Title!, request.Description ?? "", IncidentStatus.New, Cleared(request.AssignedTo), Cleared(request.AffectedCi),
                Cleared(request.SourceAlertId), null, null, now, ++_sequence, [new IncidentComment(now, request.By ?? DefaultAuthor, "Incident opened")])
            {
                Template = Cleared(request.Template),
                Classification = Cleared(request.Classification),
                Urgency = Cleared(request.Urgency),
                Impact = Cleared(request.Impact),
                SupportGroup = Cleared(request.SupportGroup),
            };
            _incidents.Add(id, incident);
            return incident;
        }
    }

    public Incident? Get(string id)
    {
        lock (_gate)
        {
            return _incidents.GetValueOrDefault(id);
        }
    }

    /// <summary>The incidents changed after <paramref name="changedAfter"/>, raised from the alert, or in the status; by sequence.</summary>
    public IReadOnlyList<Incident> List(long changedAfter, string? sourceAlertId, IncidentStatus? status)
    {
        lock (_gate)
        {
            return [.. _incidents.Values
                .Where(i => i.Sequence > changedAfter
                    && (sourceAlertId is null || string.Equals(i.SourceAlertId, sourceAlertId, StringComparison.OrdinalIgnoreCase))
                    && (status is null || i.Status == status))
                .OrderBy(i => i.Sequence)];
        }
    }

    /// <summary>Applies a change; null when there is no such incident. A closed incident is refused.</summary>
    /// <exception cref="IncidentClosedException">The incident is closed.</exception>
    public Incident? Change(string id, IncidentChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            if (!_incidents.TryGetValue(id, out var current))
            {
                return null;
            }

            if (current.Status == IncidentStatus.Closed)
            {
                throw new IncidentClosedException(current.Id);
            }

            var now = time.GetUtcNow();
            var by = change.By ?? DefaultAuthor;
            var status = change.Status ?? current.Status;
            var resolving = status is IncidentStatus.Resolved or IncidentStatus.Closed;
            var wasResolved = current.Status is IncidentStatus.Resolved;
            var comments = current.Comments.ToList();
            if (status != current.Status)
            {
                comments.Add(new IncidentComment(now, by, $"Status {current.Status} → {status}"));
            }

            if (change.Comment is { Length: > 0 } comment)
            {
                comments.Add(new IncidentComment(now, by, comment));
            }

            var changed = current with
            {
                Status = status,
                AssignedTo = change.AssignedTo is null ? current.AssignedTo : Cleared(change.AssignedTo),
                ResolvedBy = resolving ? (wasResolved ? current.ResolvedBy : by) : null,
                ResolvedAt = resolving ? (wasResolved ? current.ResolvedAt : now) : null,
                LastModified = now,
                Sequence = ++_sequence,
                Comments = comments,
            };
            _incidents[id] = changed;
            return changed;
        }
    }

    private static string? Cleared(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
