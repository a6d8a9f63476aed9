using MonitoringHost.Discovery.Instances;
using MonitoringHost.Runtime.Health;

namespace MonitoringHost.Runtime.Criteria;

/// <summary>What criteria over monitoring objects look at: the object, its class's GUID and its health (null: none known yet).</summary>
public sealed record ObjectCriteriaItem(MonitoringObject Object, Guid? ClassId, ObjectHealthSummary? Health);
