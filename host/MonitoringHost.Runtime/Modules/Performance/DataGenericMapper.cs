using System.Globalization;
using Microsoft.Extensions.Logging;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Performance;

/// <summary>
/// <c>System.Performance.DataGenericMapper</c>: turns any item (typically a script's property bag) into
/// <c>System.Performance.Data</c>. The names and the value come from the configuration with their <c>$Data</c> tokens
/// filled from the item; the sample's time is the item's time. A value that is not an invariant number (empty
/// included: the property was missing) ends the item here with a warning, as a sample without a value cannot be
/// collected or compared.
/// </summary>
public sealed class DataGenericMapper(DataGenericMapperConfiguration configuration, ILogger logger, string workflowId, string moduleId) : ConditionModule
{
    public DataGenericMapperConfiguration Configuration { get; } = configuration;

    public override DataItem? Evaluate(DataItem input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var objectName = Configuration.ObjectName.Render(input);
        var counterName = Configuration.CounterName.Render(input);
        var instanceName = Configuration.InstanceName.Render(input);
        var text = Configuration.Value.Render(input).Trim();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            PerformanceLog.ValueNotANumber(logger, workflowId, moduleId, text, objectName, counterName, instanceName);
            return null;
        }

        return new PerformanceData(input.Time, objectName, counterName, instanceName, value);
    }
}
