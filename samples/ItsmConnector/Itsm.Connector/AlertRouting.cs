using MonitoringHost.Runtime.Criteria;
using MonitoringHost.Sdk.Contracts;

namespace Itsm.Connector;

/// <summary>
/// The alert routing rules compiled: which incident template an alert gets. The first rule the alert record matches
/// gives its template; an alert that matches none gets the default template, as in Service Manager (and when there is
/// no default template, an incident with no template fields). The connector's subscription is the one configured,
/// else the union of the rules: per field, the values of every rule, or any value when one rule leaves the field open
/// (a superset of what the rules match; what matches no rule takes the default template).
/// </summary>
public sealed class AlertRouting
{
    private static readonly string[] SeverityNames = ["Information", "Warning", "Error", "Critical"];
    private static readonly string[] PriorityNames = ["Low", "Normal", "High"];
    private readonly IReadOnlyList<(RoutingRule Rule, Func<MonitoringAlert, bool> Matches)> _rules;

    private AlertRouting(IReadOnlyList<(RoutingRule, Func<MonitoringAlert, bool>)> rules, IncidentTemplate? defaultTemplate)
    {
        _rules = rules;
        DefaultTemplate = defaultTemplate;
    }

    /// <summary>The template of alerts no rule matches.</summary>
    public IncidentTemplate? DefaultTemplate { get; }

    /// <summary>The rules, compiled; every problem of each rule (naming the rule and the field) added to <paramref name="problems"/>.</summary>
    public static AlertRouting Compile(IReadOnlyList<RoutingRule?> rules, IncidentTemplate? defaultTemplate, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(problems);
        var compiled = new List<(RoutingRule, Func<MonitoringAlert, bool>)>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var path = $"$.routingRules[{i}]";
            if (rule is null)
            {
                problems.Add($"{path}: a rule is an object with a name, a template and what it matches");
                continue;
            }

            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                problems.Add($"{path}.name: a rule needs a name");
            }
            else if (!names.Add(rule.Name))
            {
                problems.Add($"{path}.name: rule '{rule.Name}': another rule has this name");
            }

            var named = $"rule '{rule.Name}'";
            var before = problems.Count;
            if (rule.Template is null)
            {
                problems.Add($"{path}.template: {named}: an incident template is required");
            }
            else
            {
                problems.AddRange(rule.Template.Problems($"{path}.template").Select(p => Named(p, named)));
            }

            var tests = Tests(rule, path, named, problems);
            if (problems.Count == before)
            {
                compiled.Add((rule, a => tests.TrueForAll(t => t(a))));
            }
        }

        if (defaultTemplate is not null)
        {
            problems.AddRange(defaultTemplate.Problems("$.defaultTemplate"));
        }

        return new AlertRouting(compiled, defaultTemplate);
    }

    /// <summary>The first rule the alert matches (null: none) and the template it gets (null: none at all).</summary>
    public (RoutingRule? Rule, IncidentTemplate? Template) Route(MonitoringAlert alert)
    {
        foreach (var (rule, matches) in _rules)
        {
            if (matches(alert))
            {
                return (rule, rule.Template);
            }
        }

        return (null, DefaultTemplate);
    }

    /// <summary>The union of the rules as one subscription (see the class); every alert when there is no rule.</summary>
    public ConnectorSubscription Union()
    {
        var rules = _rules.Select(r => r.Rule).ToList();
        IReadOnlyList<T>? All<T>(Func<RoutingRule, IReadOnlyList<T>?> field) =>
            rules.Count > 0 && rules.TrueForAll(r => field(r) is { Count: > 0 }) ? [.. rules.SelectMany(r => field(r)!).Distinct()] : null;
        var criteria = rules.Count > 0 && rules.TrueForAll(r => !string.IsNullOrWhiteSpace(r.Criteria))
            ? string.Join(" OR ", rules.Select(r => $"({r.Criteria})"))
            : null;
        return new ConnectorSubscription(
            Classes: All(r => r.Classes),
            Severities: All(r => r.Severities)?.Select(s => string.Equals(s, "Critical", StringComparison.OrdinalIgnoreCase) ? "Error" : s).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Priorities: All(r => r.Priorities),
            ResolutionStates: All(r => r.ResolutionStates),
            Categories: All(r => r.Categories),
            Criteria: criteria);
    }

    private static List<Func<MonitoringAlert, bool>> Tests(RoutingRule rule, string path, string named, List<string> problems)
    {
        var tests = new List<Func<MonitoringAlert, bool>>();
        if (rule.Severities is { Count: > 0 } severities)
        {
            var levels = Levels(severities, SeverityNames, $"{path}.severities", named, problems).Select(l => Math.Min(l, 2)).ToHashSet();
            tests.Add(a => levels.Contains((int)a.Severity));
        }

        if (rule.Priorities is { Count: > 0 } priorities)
        {
            var levels = Levels(priorities, PriorityNames, $"{path}.priorities", named, problems).ToHashSet();
            tests.Add(a => levels.Contains((int)a.Priority));
        }

        if (rule.ResolutionStates is { Count: > 0 } states)
        {
            foreach (var (state, i) in states.Select((s, i) => (s, i)).Where(s => s.s is < 0 or > 255))
            {
                problems.Add($"{path}.resolutionStates[{i}]: {named}: {state} is not a resolution state (0 to 255)");
            }

            var codes = states.ToHashSet();
            tests.Add(a => codes.Contains(a.ResolutionState));
        }

        if (rule.Categories is { Count: > 0 } categories)
        {
            var set = categories.ToHashSet(StringComparer.OrdinalIgnoreCase);
            tests.Add(a => a.Category is { } category && set.Contains(category));
        }

        if (rule.Classes is { Count: > 0 } classes)
        {
            var set = classes.ToHashSet(StringComparer.Ordinal);
            tests.Add(a => set.Contains(a.MonitoringClassId));
        }

        if (rule.CustomFields is { Count: > 0 } fields)
        {
            foreach (var (name, value) in fields)
            {
                var number = Enumerable.Range(1, 10).FirstOrDefault(n => string.Equals(AlertRecordCriteria.CustomFieldName(n), name, StringComparison.OrdinalIgnoreCase));
                if (number == 0)
                {
                    problems.Add($"{path}.customFields.{name}: {named}: there is no such field (customField1 to customField10)");
                    continue;
                }

                tests.Add(a => string.Equals(AlertRecordCriteria.CustomField(a, number), value, StringComparison.Ordinal));
            }
        }

        if (!string.IsNullOrWhiteSpace(rule.Criteria))
        {
            try
            {
                tests.Add(AlertRecordCriteria.Schema.Compile(rule.Criteria));
            }
            catch (CriteriaException e)
            {
                problems.AddRange(e.Problems.Select(p => $"{path}.criteria: {named}: column {p.Position}: {p.Message}"));
            }
        }

        return tests;
    }

    private static IEnumerable<int> Levels(IReadOnlyList<string> given, string[] names, string path, string named, List<string> problems)
    {
        for (var i = 0; i < given.Count; i++)
        {
            var level = Array.FindIndex(names, n => string.Equals(n, given[i], StringComparison.OrdinalIgnoreCase));
            if (level < 0)
            {
                problems.Add($"{path}[{i}]: {named}: '{given[i]}' is not one of {string.Join(", ", names)}");
                continue;
            }

            yield return level;
        }
    }

    /// <summary>"path: message" as "path: rule 'X': message".</summary>
    private static string Named(string problem, string named)
    {
        var colon = problem.IndexOf(": ", StringComparison.Ordinal);
        return $"{problem[..colon]}: {named}: {problem[(colon + 2)..]}";
    }
}
