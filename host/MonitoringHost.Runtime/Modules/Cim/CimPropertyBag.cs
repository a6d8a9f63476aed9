using MonitoringHost.Probes.WsMan;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Cim;

/// <summary>
/// A WMI object as the property bag <c>Microsoft.Windows.WmiProbe</c> (and so <c>WmiProvider</c>) outputs: one property per WMI property, by
/// its WMI name, its value as text (as WS-Man sent it: numbers invariant, booleans <c>true</c>/<c>false</c>,
/// datetimes ISO 8601), NULL as empty text and an array's values joined with commas.
/// </summary>
public static class CimPropertyBag
{
    public static PropertyBagData From(CimInstance instance, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return new PropertyBagData(time, instance.Properties.Select(p => KeyValuePair.Create(p.Key, Text(instance, p.Key, p.Value))));
    }

    private static string Text(CimInstance instance, string name, object? value) => value switch
    {
        null => "",
        string text => text,
        IReadOnlyList<object?> => string.Join(",", instance.GetStrings(name)),
        _ => instance.GetString(name) ?? "",
    };
}
