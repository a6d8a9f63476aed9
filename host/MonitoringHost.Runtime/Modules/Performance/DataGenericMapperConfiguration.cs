using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Performance;

/// <summary>
/// <c>System.Performance.DataGenericMapper</c>'s configuration: ObjectName, CounterName, InstanceName and Value, each
/// text that may hold <c>$Data/…$</c> tokens filled from every input item. All four are required by the shipped schema;
/// InstanceName may be empty.
/// </summary>
public sealed record DataGenericMapperConfiguration(DataTemplate ObjectName, DataTemplate CounterName, DataTemplate InstanceName, DataTemplate Value)
{
    public static DataGenericMapperConfiguration Read(ModuleConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new(
            Template(configuration, "ObjectName", required: true),
            Template(configuration, "CounterName", required: true),
            Template(configuration, "InstanceName", required: false),
            Template(configuration, "Value", required: true));
    }

    private static DataTemplate Template(ModuleConfiguration configuration, string field, bool required)
    {
        var text = required ? configuration.Required(field) : configuration.RequiredChild(field).Value.Trim();
        try
        {
            return DataTemplate.Parse(text);
        }
        catch (FormatException e)
        {
            throw configuration.Problem(field, e.Message);
        }
    }
}
