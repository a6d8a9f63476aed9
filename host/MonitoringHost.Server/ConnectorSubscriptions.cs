using System.Text.Json;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Runtime.Criteria;
using MonitoringHost.Sdk;
using MonitoringHost.Sdk.Contracts;
using Alert = MonitoringHost.Runtime.Alerts.Alert;
using ResolutionState = MonitoringHost.Runtime.Alerts.ResolutionState;

namespace MonitoringHost.Server;

/// <summary>
/// A connector's subscription checked and compiled to a test of an alert: every list given must match (any entry of
/// it) and the criteria too. Classes take their derived classes along; a group matches the object itself and
/// everything it contains or hosts, all the way down (as recursive maintenance covers). Membership is the instance
/// space's when the alert change is read.
/// </summary>
internal static class ConnectorSubscriptions
{
    private static readonly string[] Severities = ["Information", "Warning", "Error"];
    private static readonly string[] Priorities = ["Low", "Normal", "High"];

    /// <summary>The problems of <paramref name="subscription"/> (paths under the body), none when it is sound.</summary>
    public static List<ProblemError> Check(ConnectorSubscription subscription, InstanceSpace space, IReadOnlyList<ResolutionState> states)
    {
        var errors = new List<ProblemError>();
        Compile(subscription, space, states, errors);
        return errors;
    }

    /// <summary>The test of a subscription as stored (checked when it was set), or null when there is none.</summary>
    public static Func<Alert, bool>? Compile(string? stored, InstanceSpace space, IReadOnlyList<ResolutionState> states)
    {
        if (stored is null)
        {
            return null;
        }

        // A class, object or state gone since it was set matches nothing any more; the rest of it still holds.
        return Compile(Read(stored), space, states, []);
    }

    public static string Write(ConnectorSubscription subscription) => JsonSerializer.Serialize(subscription, MonitoringHostJson.Options);

    public static ConnectorSubscription Read(string stored) =>
        JsonSerializer.Deserialize<ConnectorSubscription>(stored, MonitoringHostJson.Tolerant)
        ?? throw new InvalidDataException("a stored connector subscription is null");

    private static Func<Alert, bool> Compile(ConnectorSubscription s, InstanceSpace space, IReadOnlyList<ResolutionState> states, List<ProblemError> errors)
    {
        var tests = new List<Func<Alert, bool>>();
        if (s.Groups is { Count: > 0 } groups)
        {
            for (var i = 0; i < groups.Count; i++)
            {
                if (space.Get(groups[i]) is null)
                {
                    errors.Add(Error($"groups[{i}]", "unknown-object", $"there is no object {groups[i]}"));
                }
            }

            // Read once per batch: the group's members, and what they host and contain, all the way down.
            var ids = groups.ToHashSet();
            foreach (var group in groups)
            {
                ids.UnionWith(space.HostedOrContainedBy(group).Select(o => o.Id));
            }

            tests.Add(a => ids.Contains(a.MonitoringObjectId));
        }

        if (s.Classes is { Count: > 0 } classes)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < classes.Count; i++)
            {
                if (space.Classes.Class(classes[i] ?? "") is { } type)
                {
                    names.UnionWith(space.Classes.SelfAndDerived(type).Select(c => c.Name));
                }
                else
                {
                    errors.Add(Error($"classes[{i}]", "unknown-class", $"there is no class '{classes[i]}'"));
                }
            }

            tests.Add(a => names.Contains(a.MonitoringClassId));
        }

        if (s.Severities is { Count: > 0 } severities)
        {
            var levels = Levels(severities, Severities, "severities", errors);
            tests.Add(a => levels.Contains(a.Severity));
        }

        if (s.Priorities is { Count: > 0 } priorities)
        {
            var levels = Levels(priorities, Priorities, "priorities", errors);
            tests.Add(a => levels.Contains(a.Priority));
        }

        if (s.ResolutionStates is { Count: > 0 } codes)
        {
            for (var i = 0; i < codes.Count; i++)
            {
                if (states.All(r => r.Code != codes[i]))
                {
                    errors.Add(Error($"resolutionStates[{i}]", "unknown-resolution-state",
                        $"there is no resolution state {codes[i]} (there are {string.Join(", ", states.Select(r => r.Code))})"));
                }
            }

            var set = codes.ToHashSet();
            tests.Add(a => set.Contains(a.ResolutionState));
        }

        if (s.Categories is { Count: > 0 } categories)
        {
            for (var i = 0; i < categories.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(categories[i]))
                {
                    errors.Add(Error($"categories[{i}]", "invalid", "a category is a non-empty text"));
                }
            }

            var set = categories.Where(c => c is not null).ToHashSet(StringComparer.OrdinalIgnoreCase);
            tests.Add(a => a.Category is { } category && set.Contains(category));
        }

        if (!string.IsNullOrWhiteSpace(s.Criteria))
        {
            try
            {
                tests.Add(AlertCriteria.Schema(states).Compile(s.Criteria));
            }
            catch (CriteriaException e)
            {
                errors.AddRange(e.Problems.Select(p => new ProblemError(p.Code, p.Message) { Path = "criteria", Column = p.Position, Field = p.Field }));
            }
        }

        return a => tests.TrueForAll(t => t(a));
    }

    private static HashSet<int> Levels(IReadOnlyList<string> given, string[] names, string path, List<ProblemError> errors)
    {
        var levels = new HashSet<int>();
        for (var i = 0; i < given.Count; i++)
        {
            var index = Array.FindIndex(names, n => string.Equals(n, given[i], StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                errors.Add(Error($"{path}[{i}]", "invalid", $"'{given[i]}' is not one of {string.Join(", ", names)}"));
            }
            else
            {
                levels.Add(index);
            }
        }

        return levels;
    }

    private static ProblemError Error(string path, string code, string message) => new(code, message) { Path = path };
}
