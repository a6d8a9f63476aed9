using System.Collections.Immutable;
using System.Globalization;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Events;

/// <summary>
/// <c>System.Event.GenericDataMapper</c>: turns any item into a <c>System.Event.Data</c> event. PublisherName,
/// Channel, LoggingComputer, UserName, Description, EventNumber, EventCategory, EventLevel and each
/// <c>Params/Param</c> may hold <c>$Data/…$</c> tokens, filled from the input item; the event's <c>EventData</c>
/// holds the input item itself as a <c>DataItem</c> element, so a trap mapped by
/// <c>System.NetworkManagement.SnmpTrapEventProvider</c> reads as <c>EventData/DataItem/SnmpVarBinds/SnmpVarBind[2]/Value</c>,
/// as in Operations Manager. A number field that does not read as a whole number fails the item with the field named.
/// </summary>
public sealed class EventGenericDataMapper : ConditionModule
{
    private readonly ModuleConfiguration _configuration;
    private readonly DataTemplate? _publisherName;
    private readonly DataTemplate? _channel;
    private readonly DataTemplate? _loggingComputer;
    private readonly DataTemplate? _userName;
    private readonly DataTemplate? _description;
    private readonly DataTemplate? _eventNumber;
    private readonly DataTemplate? _eventCategory;
    private readonly DataTemplate? _eventLevel;
    private readonly ImmutableArray<DataTemplate> _params;

    public EventGenericDataMapper(ModuleConfiguration configuration)
    {
        _configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));
        _publisherName = Template("PublisherName");
        _channel = Template("Channel");
        _loggingComputer = Template("LoggingComputer");
        _userName = Template("UserName");
        _description = Template("Description");
        _eventNumber = Template("EventNumber");
        _eventCategory = Template("EventCategory");
        _eventLevel = Template("EventLevel");
        _params = [.. (configuration.Child("Params")?.Elements().Where(e => e.Name.LocalName == "Param") ?? []).Select((p, i) => Parse($"Params/Param[{i + 1}]", p.Value))];
    }

    public override DataItem? Evaluate(DataItem input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var number = Number(_eventNumber, input, "EventNumber");
        return new EventData(input.Time, EventData.SystemTypeName)
        {
            PublisherName = Text(_publisherName, input),
            Channel = Text(_channel, input),
            LoggingComputer = Text(_loggingComputer, input),
            UserName = Text(_userName, input),
            EventDescription = Text(_description, input),
            EventNumber = (uint)number,
            EventDisplayNumber = (uint)number & 0xFFFF,
            EventCategory = (int)Number(_eventCategory, input, "EventCategory"),
            EventLevel = (int)Number(_eventLevel, input, "EventLevel"),
            Params = [.. _params.Select(p => p.Render(input))],
            EventDataContent = [DataItemXml.Parse(input.ToXml())],
        };
    }

    private static string? Text(DataTemplate? template, DataItem item) => template?.Render(item) is { Length: > 0 } text ? text : null;

    private long Number(DataTemplate? template, DataItem item, string field)
    {
        var text = template?.Render(item).Trim() ?? "";
        return text.Length == 0 ? 0
            : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value is >= int.MinValue and <= uint.MaxValue ? value
            : throw _configuration.Problem(field, $"'{text}' is not a whole number");
    }

    private DataTemplate? Template(string name) => _configuration.Optional(name) is { Length: > 0 } text ? Parse(name, text) : null;

    private DataTemplate Parse(string field, string text)
    {
        try
        {
            return DataTemplate.Parse(text);
        }
        catch (FormatException e)
        {
            throw _configuration.Problem(field, e.Message);
        }
    }

    /// <summary>Makes <see cref="EventGenericDataMapper"/>s; one serves every instance with the same configuration.</summary>
    public sealed class Factory : NativeModuleFactory
    {
        public override string TypeId => "System.Event.GenericDataMapper";

        public override bool Shareable(ModuleConfiguration configuration) => true;

        public override ModuleInstance Create(ModuleSetup setup)
        {
            ArgumentNullException.ThrowIfNull(setup);
            return new EventGenericDataMapper(setup.Configuration);
        }
    }
}
