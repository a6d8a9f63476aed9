using System.Collections.Concurrent;
using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Runtime.Tests.Modules;

/// <summary>Keeps every alert raised, in order.</summary>
internal sealed class RecordingAlertSink : IAlertSink
{
    private readonly ConcurrentQueue<AlertRequest> _alerts = new();

    public IReadOnlyList<AlertRequest> Alerts => [.. _alerts];

    public void Raise(AlertRequest alert) => _alerts.Enqueue(alert);
}
