using System.Collections.Immutable;
using System.Globalization;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Alerts;

/// <summary>
/// <c>System.Health.GenerateAlert</c>: raises an alert for the workflow's target for every item it gets. The name
/// and description come from the string resource <c>AlertMessageId</c> names (its display string, ENU first),
/// with <c>{0}</c>, <c>{1}</c>… filled from <c>AlertParameter1</c>, <c>AlertParameter2</c>… rendered for the item;
/// packs without a message ID give <c>AlertName</c>/<c>AlertDescription</c> directly. The suppression values are
/// rendered for the item too; the alert sink decides whether the alert is new or a repeat.
/// </summary>
public sealed class GenerateAlertModule : ModuleInstance
{
    private readonly ModuleSetup _setup;

    private GenerateAlertModule(Configuration configuration, ModuleSetup setup)
    {
        Settings = configuration;
        _setup = setup;
    }

    public Configuration Settings { get; }

    public override ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var parameters = new string?[Settings.Parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = Settings.Parameters[i]?.Render(input);
        }

        var suppression = new string[Settings.Suppression.Length];
        for (var i = 0; i < suppression.Length; i++)
        {
            suppression[i] = Settings.Suppression[i].Render(input);
        }

        _setup.Services.Alerts.Raise(new AlertRequest(
            _setup.WorkflowId,
            _setup.Target.Id,
            Settings.Name.Render(input, parameters),
            Settings.Description.Render(input, parameters),
            Settings.Priority,
            Settings.Severity,
            suppression,
            _setup.Services.Time.GetUtcNow())
        {
            HasSuppression = Settings.HasSuppression,
            Parameters = Array.ConvertAll(parameters, p => p ?? ""),
            Context = input.ToXml(),
        });
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The module's configuration, read once per workflow instance. <see cref="Parameters"/>[n] fills <c>{n}</c>
    /// (null where the rule gives no <c>AlertParameter{n+1}</c>).
    /// </summary>
    public sealed record Configuration(
        int Priority,
        int Severity,
        string? MessageId,
        ImmutableArray<DataTemplate?> Parameters,
        ImmutableArray<DataTemplate> Suppression)
    {
        /// <summary>Whether the rule has a <c>Suppression</c> element: an empty one still makes repeats count on one alert.</summary>
        public bool HasSuppression { get; init; }

        internal AlertText Name { get; init; } = AlertText.FromDisplayString("");

        internal AlertText Description { get; init; } = AlertText.FromDisplayString("");

        public static Configuration Read(ModuleSetup setup)
        {
            ArgumentNullException.ThrowIfNull(setup);
            var configuration = setup.Configuration;
            var priority = Level(configuration, "Priority");
            var severity = Level(configuration, "Severity");
            var parameters = ReadParameters(configuration);
            var suppressionElement = configuration.Child("Suppression");
            var suppression = suppressionElement?.Elements()
                .Select((value, i) => Template(configuration, $"Suppression/{value.Name.LocalName}[{i + 1}]", value.Value))
                .ToImmutableArray() ?? [];

            if (configuration.Optional("AlertMessageId") is { Length: > 0 } messageId)
            {
                var resource = Guid.TryParse(messageId, out var id)
                    ? ElementGuids.For(setup.Services.Classes).StringResource(id)
                    : throw configuration.Problem("AlertMessageId", $"'{messageId}' is not the GUID of a string resource");
                if (resource is not { } found)
                {
                    throw configuration.Problem("AlertMessageId", $"{messageId} is not a string resource of the imported packs");
                }

                var (name, description) = AlertText.FromStringResource(found, language: "ENU");
                return new Configuration(priority, severity, found.Element.Id, parameters, suppression)
                {
                    HasSuppression = suppressionElement is not null,
                    Name = name,
                    Description = description,
                };
            }

            return new Configuration(priority, severity, null, parameters, suppression)
            {
                HasSuppression = suppressionElement is not null,
                Name = AlertText.FromTemplate(Template(configuration, "AlertName", configuration.Optional("AlertName") ?? "")),
                Description = AlertText.FromTemplate(Template(configuration, "AlertDescription", configuration.Optional("AlertDescription") ?? "")),
            };
        }

        private static int Level(ModuleConfiguration configuration, string field)
        {
            var value = configuration.RequiredInteger(field);
            return value is >= 0 and <= 2 ? (int)value : throw configuration.Problem(field, $"{value} is not 0, 1 or 2");
        }

        private static ImmutableArray<DataTemplate?> ReadParameters(ModuleConfiguration configuration)
        {
            var byNumber = new SortedDictionary<int, DataTemplate>();
            foreach (var parameter in configuration.Child("AlertParameters")?.Elements() ?? [])
            {
                var field = "AlertParameters/" + parameter.Name.LocalName;
                if (!parameter.Name.LocalName.StartsWith("AlertParameter", StringComparison.Ordinal)
                    || !int.TryParse(parameter.Name.LocalName.AsSpan("AlertParameter".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                    || number < 1)
                {
                    throw configuration.Problem(field, "is not an AlertParameter1, AlertParameter2, …");
                }

                if (!byNumber.TryAdd(number, Template(configuration, field, parameter.Value)))
                {
                    throw configuration.Problem(field, "is given twice");
                }
            }

            var parameters = new DataTemplate?[byNumber.Count == 0 ? 0 : byNumber.Keys.Max()];
            foreach (var (number, template) in byNumber)
            {
                parameters[number - 1] = template;
            }

            return [.. parameters];
        }

        private static DataTemplate Template(ModuleConfiguration configuration, string field, string text)
        {
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

    /// <summary>Makes <see cref="GenerateAlertModule"/> for <c>System.Health.GenerateAlert</c>.</summary>
    public sealed class Factory : NativeModuleFactory
    {
        public override string TypeId => "System.Health.GenerateAlert";

        public override ModuleInstance Create(ModuleSetup setup) => new GenerateAlertModule(Configuration.Read(setup), setup);
    }
}
