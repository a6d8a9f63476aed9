using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules;

/// <summary>Where collection rules' write actions (<c>CollectPerformanceData</c>, <c>CollectEvent</c>) put what they collect.</summary>
public interface ICollectedDataSink
{
    void Collect(string workflowId, Guid targetId, DataItem item);
}
