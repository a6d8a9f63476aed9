using MonitoringHost.Discovery.Classes;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Discovery;

/// <summary>
/// One <c>Setting</c> of a mapper's settings: the property its <c>Name</c> names (<c>{class GUID}/Property</c>, as
/// <c>$MPElement[Name="Alias!Class"]/Property$</c> becomes) and its <c>Value</c>, rendered per item.
/// <see cref="Field"/> says where it is written, for problems found later.
/// </summary>
public sealed record InstanceSetting(ClassInfo Class, PropertyInfo Property, DataTemplate Value, string Field)
{
    /// <summary>
    /// The settings of <paramref name="container"/> (<c>InstanceSettings</c>, <c>SourceRoleSettings</c>…): its
    /// <c>Settings/Setting</c> children. An absent container has none.
    /// </summary>
    public static IReadOnlyList<InstanceSetting> ReadAll(ModuleConfiguration configuration, string container, ClassCatalog classes)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(classes);
        var guids = ElementGuids.For(classes);
        var settings = new List<InstanceSetting>();
        var elements = configuration.Child(container)?.Elements().FirstOrDefault(e => e.Name.LocalName == "Settings")?.Elements()
            .Where(e => e.Name.LocalName == "Setting") ?? [];
        foreach (var (setting, index) in elements.Select((e, i) => (e, i + 1)))
        {
            var field = $"{container}/Settings/Setting[{index}]";
            var name = setting.Elements().FirstOrDefault(e => e.Name.LocalName == "Name")?.Value.Trim()
                ?? throw configuration.Problem(field + "/Name", "is missing");
            var value = setting.Elements().FirstOrDefault(e => e.Name.LocalName == "Value")?.Value
                ?? throw configuration.Problem(field + "/Value", "is missing");
            var slash = name.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0 || !Guid.TryParse(name.AsSpan(0, slash), out var classId))
            {
                throw configuration.Problem(field + "/Name", $"'{name}' is not a class property ({{class GUID}}/Property, as $MPElement[Name=\"Alias!Class\"]/Property$ gives)");
            }

            var type = guids.Class(classId) ?? throw configuration.Problem(field + "/Name", $"{classId:D} is not a class of the imported packs");
            var propertyId = name[(slash + 1)..];
            var property = type.Properties.GetValueOrDefault(propertyId)
                ?? throw configuration.Problem(field + "/Name", $"{type.Name} has no property '{propertyId}'");
            DataTemplate template;
            try
            {
                template = DataTemplate.Parse(value);
            }
            catch (FormatException e)
            {
                throw configuration.Problem(field + "/Value", e.Message);
            }

            settings.Add(new InstanceSetting(type, property, template, field));
        }

        return settings;
    }

    /// <summary>
    /// The value for <paramref name="item"/>. Empty text is no value for a property that is not a string: a
    /// <c>$Data</c> path that selects nothing must leave a number unset rather than fail the whole snapshot.
    /// </summary>
    public string? Render(DataItem item)
    {
        var text = Value.Render(item);
        return text.Length == 0 && Property.Type != "string" ? null : text;
    }
}
