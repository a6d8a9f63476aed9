using System.Globalization;

namespace MonitoringHost.Tests.Shared.Orchestrator;

/// <summary>
/// One entry as <see cref="OrchestratorWebService"/> writes it: its entity set and type, key, Atom title and times,
/// navigation links (name, feed or entry) and properties in the service's order. Property values are
/// <see cref="Guid"/>, <see cref="DateTime"/> (the server's local time), <see cref="bool"/>, <see cref="int"/>,
/// <see cref="string"/> or null; a typed null keeps its EDM type.
/// </summary>
internal sealed record ODataTestEntity(
    string Set,
    string Type,
    Guid Key,
    string Title,
    DateTime? Published,
    DateTime Updated,
    DateTime? ETagTime,
    IReadOnlyList<(string Name, bool Feed)> Links,
    IReadOnlyList<ODataTestProperty> Properties)
{
    public const string TypePrefix = "Microsoft.SystemCenter.Orchestrator.WebService.";

    public string FullType => TypePrefix + Type;

    public string KeyPath => $"{Set}(guid'{Key:D}')";

    public ODataTestProperty? Property(string name) => Properties.FirstOrDefault(p => p.Name == name);

    /// <summary>An EDM DateTime as the service writes it: no offset, the fraction without trailing zeros.</summary>
    public static string DateTimeText(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFF", CultureInfo.InvariantCulture);
}

/// <summary>A property of an <see cref="ODataTestEntity"/>: its name, EDM type (null for strings) and value.</summary>
internal sealed record ODataTestProperty(string Name, string? EdmType, object? Value)
{
    public static ODataTestProperty Of(string name, Guid value) => new(name, "Edm.Guid", value);

    public static ODataTestProperty Of(string name, Guid? value) => new(name, "Edm.Guid", value);

    public static ODataTestProperty Of(string name, DateTime? value) => new(name, "Edm.DateTime", value);

    public static ODataTestProperty Of(string name, bool? value) => new(name, "Edm.Boolean", value);

    public static ODataTestProperty Of(string name, string? value) => new(name, null, value);

    /// <summary>The value as XML text (null for a null).</summary>
    public string? Text => Value switch
    {
        null => null,
        Guid g => g.ToString("D"),
        DateTime d => ODataTestEntity.DateTimeText(d),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };
}
