using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Runtime.Tests.Modules;

internal sealed class RecordingAlertSink : IAlertSink
{
    public List<AlertRequest> Alerts { get; } = [];

    public void Raise(AlertRequest alert) => Alerts.Add(alert);
}
