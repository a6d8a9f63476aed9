using System.Collections.Frozen;
using System.Globalization;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.ManagementPacks.Model;

namespace MonitoringHost.Runtime.Criteria;

/// <summary>
/// The fields criteria over monitoring objects name: the object's API fields (API.md "Classes and objects") and its
/// class properties, by name (<c>NetworkName LIKE 'web%'</c>) or as <c>properties.NetworkName</c>. A property is typed
/// as the classes declaring it declare it (text when they disagree); an object of a class without it has no value.
/// </summary>
public static class ObjectCriteria
{
    private const string PropertiesPrefix = "properties.";

    public static readonly CriteriaEnum HealthStates = CriteriaEnum.Sequence("Uninitialized", "Success", "Warning", "Error");

    public static CriteriaSchema<ObjectCriteriaItem> Schema(ClassCatalog classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var properties = classes.Classes.SelectMany(c => c.Properties.Values)
            .GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, Property, StringComparer.OrdinalIgnoreCase);
        var fields = new[]
        {
            CriteriaField.Id<ObjectCriteriaItem>("id", o => o.Object.Id),
            CriteriaField.Id<ObjectCriteriaItem>("classId", o => o.ClassId),
            CriteriaField.Text<ObjectCriteriaItem>("className", o => o.Object.ClassName),
            CriteriaField.Text<ObjectCriteriaItem>("displayName", o => o.Object.DisplayName),
            CriteriaField.Text<ObjectCriteriaItem>("path", o => o.Object.Path),
            CriteriaField.Text<ObjectCriteriaItem>("fullName", o => $"{o.Object.ClassName}:{o.Object.Path}"),
            CriteriaField.Id<ObjectCriteriaItem>("hostId", o => o.Object.HostId),
            CriteriaField.Enumeration<ObjectCriteriaItem>("healthState", HealthStates, o => (int)(o.Health?.HealthState ?? HealthState.Uninitialized)),
            CriteriaField.Flag<ObjectCriteriaItem>("inMaintenanceMode", o => o.Health?.InMaintenance ?? false),
            CriteriaField.Flag<ObjectCriteriaItem>("isAvailable", o => o.Health?.IsAvailable ?? true),
            CriteriaField.Time<ObjectCriteriaItem>("lastModified", o => o.Object.LastModified),
        };
        return new CriteriaSchema<ObjectCriteriaItem>(fields, name =>
            properties.GetValueOrDefault(name.StartsWith(PropertiesPrefix, StringComparison.OrdinalIgnoreCase) ? name[PropertiesPrefix.Length..] : name));
    }

    // Values are kept as invariant text (MonitoringObject); a value that does not read as its type counts as none.
    private static CriteriaField<ObjectCriteriaItem> Property(IGrouping<string, PropertyInfo> declared)
    {
        var id = declared.First().Id;
        var types = declared.Select(p => p.Type.ToLowerInvariant()).Distinct().ToList();
        var name = $"{PropertiesPrefix}{id}";
        return (types.Count == 1 ? types[0] : "string") switch
        {
            "int" or "decimal" or "double" => CriteriaField.Number<ObjectCriteriaItem>(name, o =>
                double.TryParse(o.Object[id], NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null),
            "datetime" => CriteriaField.Time<ObjectCriteriaItem>(name, o =>
                DateTimeOffset.TryParse(o.Object[id], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null),
            "guid" => CriteriaField.Id<ObjectCriteriaItem>(name, o => Guid.TryParse(o.Object[id], out var guid) ? guid : null),
            "bool" => CriteriaField.Flag<ObjectCriteriaItem>(name, o => bool.TryParse(o.Object[id], out var flag) ? flag : null),
            _ => CriteriaField.Text<ObjectCriteriaItem>(name, o => o.Object[id]),
        };
    }
}
