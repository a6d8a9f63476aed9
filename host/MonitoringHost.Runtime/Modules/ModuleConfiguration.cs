using System.Globalization;
using System.Xml.Linq;

namespace MonitoringHost.Runtime.Modules;

/// <summary>
/// A module's configuration element with readers that say exactly what is wrong: a missing or mistyped field
/// throws <see cref="ModuleConfigurationException"/> naming the workflow, the module and the field.
/// </summary>
public sealed class ModuleConfiguration(XElement element, string workflowId, string moduleId)
{
    public XElement Element { get; } = element;

    public string WorkflowId { get; } = workflowId;

    public string ModuleId { get; } = moduleId;

    public XElement? Child(string name) => Element.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    public XElement RequiredChild(string name) => Child(name) ?? throw Problem(name, "is missing");

    public string? Optional(string name) => Child(name)?.Value.Trim();

    public string Required(string name) => Optional(name) is { Length: > 0 } value ? value : throw Problem(name, "is missing or empty");

    public long RequiredInteger(string name) => Integer(name, Required(name));

    public long? OptionalInteger(string name) => Optional(name) is { Length: > 0 } text ? Integer(name, text) : null;

    public double? OptionalNumber(string name) =>
        Optional(name) is not { Length: > 0 } text ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
        : throw Problem(name, $"'{text}' is not a number");

    public bool? OptionalBoolean(string name) =>
        Optional(name) is not { Length: > 0 } text ? null
        : bool.TryParse(text, out var value) ? value
        : text == "1" || (text == "0" ? false : throw Problem(name, $"'{text}' is not true or false"));

    /// <summary>An exception for a problem with <paramref name="field"/>.</summary>
    public ModuleConfigurationException Problem(string field, string problem) => new(WorkflowId, ModuleId, field, problem);

    private long Integer(string name, string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw Problem(name, $"'{text}' is not a whole number");
}

/// <summary>A module's configuration cannot be used: which workflow, which module, which field, what.</summary>
public sealed class ModuleConfigurationException(string workflowId, string moduleId, string field, string problem)
    : Exception($"{workflowId}, module {moduleId}: {field} {problem}")
{
    public string WorkflowId { get; } = workflowId;

    public string ModuleId { get; } = moduleId;

    public string Field { get; } = field;

    public string Problem { get; } = problem;
}
