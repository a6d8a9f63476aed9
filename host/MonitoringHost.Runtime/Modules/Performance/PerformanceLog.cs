using Microsoft.Extensions.Logging;

namespace MonitoringHost.Runtime.Modules.Performance;

/// <summary>Log events of the performance modules (3400–3419 of the runtime's 3xxx block).</summary>
internal static partial class PerformanceLog
{
    [LoggerMessage(EventId = 3400, Level = LogLevel.Warning,
        Message = "{WorkflowId}, module {ModuleId}: the value '{Value}' mapped for counter {CounterName} of {ObjectName}, instance '{InstanceName}' is not a number; the item is dropped")]
    public static partial void ValueNotANumber(ILogger logger, string workflowId, string moduleId, string value, string objectName, string counterName, string instanceName);
}
