using System.Collections.Immutable;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Resolution;
using MonitorElement = MonitoringHost.ManagementPacks.Model.Monitor;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules.Alerts;

namespace MonitoringHost.Runtime.Alerts;

/// <summary>
/// A monitor's <c>AlertSettings</c>, read once per pack set (mp-format.md §3.4): which health raises an alert
/// (<c>AlertOnState</c> Warning = Warning or Error, Error = Error only; Error when absent), auto-resolve, priority
/// (Low/Normal/High → 0/1/2), severity (Information/Warning/Error → 0/1/2, MatchMonitorHealth: Warning → 1,
/// Error → 2), and the name and description from the <c>AlertMessage</c> string resource with <c>{0}</c>…
/// <c>{9}</c> from AlertParameter1..10. Parameters are <c>$Data/Context/…$</c> (the state change's context item)
/// and <c>$Target/…$</c> tokens (the object), or literal text.
/// </summary>
internal sealed class MonitorAlertDefinition
{
    private readonly ImmutableArray<DataTemplate> _parameters;
    private readonly ImmutableArray<bool> _bindsTarget;

    private MonitorAlertDefinition(ResolvedElement<MonitorElement> monitor, AlertSettings settings, AlertText name, AlertText description, ImmutableArray<DataTemplate> parameters, ImmutableArray<string> problems)
    {
        MonitorId = monitor.Element.Id;
        ProblemId = monitor.Pack.GuidOf(monitor.Element.Id);
        Category = monitor.Element.Settings.Category;
        AlertOnState = settings.AlertOnState == "Warning" ? HealthState.Warning : HealthState.Error;
        AutoResolve = settings.AutoResolve;
        Priority = settings.AlertPriority switch { "Low" => 0, "High" => 2, _ => 1 };
        FixedSeverity = settings.AlertSeverity switch { "Information" => 0, "Warning" => 1, "Error" => 2, _ => null };
        Name = name;
        Description = description;
        _parameters = parameters;
        _bindsTarget = [.. parameters.Select(p => p.Text.Contains("$Target/", StringComparison.Ordinal))];
        ReadsContext = parameters.Any(p => p.UsesData);
        Problems = problems;
    }

    /// <summary>The monitor's element ID (<see cref="Alert.RuleOrMonitorId"/>).</summary>
    public string MonitorId { get; }

    /// <summary>The monitor's GUID (<see cref="Alert.ProblemId"/>).</summary>
    public Guid ProblemId { get; }

    public string? Category { get; }

    public HealthState AlertOnState { get; }

    public bool AutoResolve { get; }

    public int Priority { get; }

    /// <summary>The severity the settings name; null for MatchMonitorHealth.</summary>
    public int? FixedSeverity { get; }

    public AlertText Name { get; }

    public AlertText Description { get; }

    /// <summary>Whether any parameter reads the state change's context item (else it is not parsed).</summary>
    public bool ReadsContext { get; }

    /// <summary>What could not be read (a malformed <c>$Data</c> path: that parameter is shown as written).</summary>
    public ImmutableArray<string> Problems { get; }

    /// <summary>Whether entering <paramref name="state"/> raises an alert.</summary>
    public bool Raises(HealthState state) => state == HealthState.Error || (state == HealthState.Warning && AlertOnState == HealthState.Warning);

    /// <summary>The alert's severity while the monitor is in <paramref name="state"/> (Warning or Error).</summary>
    public int SeverityFor(HealthState state) => FixedSeverity ?? (state == HealthState.Error ? 2 : 1);

    /// <summary>The definition for <paramref name="monitor"/>, or null when it has no alert settings.</summary>
    public static MonitorAlertDefinition? For(ResolvedElement<MonitorElement> monitor, PackSet packs)
    {
        if (monitor.Element.AlertSettings is not { } settings)
        {
            return null;
        }

        var problems = ImmutableArray.CreateBuilder<string>();
        var (name, description) = settings.AlertMessage is { } message && packs.Find<StringResource>(monitor.Pack, message) is { } resource
            ? AlertText.FromStringResource(resource, language: null)
            : (AlertText.FromDisplayString(monitor.Pack.DisplayStringFor(monitor.Element.Id)?.Name is { Length: > 0 } own ? own : monitor.Element.Id), AlertText.FromDisplayString(""));
        var parameters = ImmutableArray.CreateBuilder<DataTemplate>(settings.AlertParameters.Length);
        for (var i = 0; i < settings.AlertParameters.Length; i++)
        {
            var text = settings.AlertParameters[i];
            try
            {
                parameters.Add(DataTemplate.Parse(text));
            }
            catch (FormatException e)
            {
                problems.Add($"AlertParameter{i + 1} of monitor {monitor.Key}: {e.Message}; the parameter is shown as written");
                parameters.Add(DataTemplate.Parse(text.Replace("$", "$$", StringComparison.Ordinal)));
            }
        }

        return new MonitorAlertDefinition(monitor, settings, name, description, parameters.MoveToImmutable(), problems.ToImmutable());
    }

    /// <summary>
    /// The parameters for one alert: <c>$Data</c> read from <paramref name="data"/>, then <c>$Target</c> bound by
    /// <paramref name="bindTarget"/> (which says what to show when a token cannot be bound).
    /// </summary>
    public string[] RenderParameters(DataItem data, Func<string, string> bindTarget)
    {
        var values = new string[_parameters.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var value = _parameters[i].Render(data);
            values[i] = _bindsTarget[i] ? bindTarget(value) : value;
        }

        return values;
    }
}
