using System.Collections.Concurrent;

namespace MonitoringHost.Server;

/// <summary>
/// What this server handed to each connector (a pulled batch, a webhook POST) and the connector has not acknowledged:
/// per alert, the first and last of its changes handed out and how many times the last was. Kept in memory on purpose:
/// handing out writes nothing, and an acknowledgement writes what it delivers in one transaction
/// (<see cref="Storage.ConnectorStore.AcknowledgeAsync"/>). After a restart nothing is outstanding; whatever was not
/// acknowledged is after the connector's durable cursor and is handed out again.
/// </summary>
public sealed class ConnectorHandOuts
{
    private readonly ConcurrentDictionary<Guid, Dictionary<Guid, HandOut>> _byConnector = new();

    /// <summary>Records a batch handed to <paramref name="connector"/>: each alert with the last of its changes in it.</summary>
    public void Record(Guid connector, IEnumerable<(Guid Alert, long Sequence)> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var alerts = _byConnector.GetOrAdd(connector, _ => []);
        lock (alerts)
        {
            foreach (var (alert, sequence) in changes)
            {
                alerts[alert] = alerts.TryGetValue(alert, out var before)
                    ? sequence > before.Last ? before with { Last = sequence, Attempts = 1 } : before with { Attempts = before.Attempts + 1 }
                    : new HandOut(sequence, sequence, 1);
            }
        }
    }

    /// <summary>Whether <paramref name="alert"/> was handed to <paramref name="connector"/> and is not acknowledged.</summary>
    public bool Holds(Guid connector, Guid alert) => Of(connector, alert) is not null;

    /// <summary>Where <paramref name="alert"/> stands with <paramref name="connector"/>, or null when nothing of it is outstanding.</summary>
    public HandOut? Of(Guid connector, Guid alert)
    {
        if (!_byConnector.TryGetValue(connector, out var alerts))
        {
            return null;
        }

        lock (alerts)
        {
            return alerts.TryGetValue(alert, out var handOut) ? handOut : null;
        }
    }

    /// <summary>The connectors <paramref name="alert"/> is outstanding with.</summary>
    public IReadOnlyList<(Guid Connector, HandOut HandOut)> Of(Guid alert) =>
        [.. _byConnector.Keys.Select(c => (c, Of(c, alert))).Where(p => p.Item2 is not null).Select(p => (p.c, p.Item2!.Value))];

    /// <summary>The alerts whose last change handed out is at or before <paramref name="sequence"/>: what acknowledging it delivers.</summary>
    public IReadOnlyList<(Guid Alert, long First, long Last)> UpTo(Guid connector, long sequence)
    {
        if (!_byConnector.TryGetValue(connector, out var alerts))
        {
            return [];
        }

        lock (alerts)
        {
            return [.. alerts.Where(a => a.Value.Last <= sequence).Select(a => (a.Key, a.Value.First, a.Value.Last))];
        }
    }

    /// <summary>Forgets what acknowledging <paramref name="sequence"/> delivered (once it is committed).</summary>
    public void Delivered(Guid connector, long sequence)
    {
        if (_byConnector.TryGetValue(connector, out var alerts))
        {
            lock (alerts)
            {
                foreach (var alert in alerts.Where(a => a.Value.Last <= sequence).Select(a => a.Key).ToList())
                {
                    alerts.Remove(alert);
                }
            }
        }
    }

    /// <summary>How many alerts handed to <paramref name="connector"/> wait for its acknowledgement.</summary>
    public int Pending(Guid connector)
    {
        if (!_byConnector.TryGetValue(connector, out var alerts))
        {
            return 0;
        }

        lock (alerts)
        {
            return alerts.Count;
        }
    }

    /// <summary>Forgets a deleted connector.</summary>
    public void Forget(Guid connector) => _byConnector.TryRemove(connector, out _);
}

/// <summary>An alert outstanding with a connector: the first and last of its changes handed out, and how many times the last was.</summary>
public readonly record struct HandOut(long First, long Last, int Attempts);
