using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Operations;

namespace MonitoringHost.Runtime.Alerts;

public sealed partial class AlertManager
{
    /// <summary>
    /// A rule's alert (<c>System.Health.GenerateAlert</c>). When the rule has suppression and an open alert of the
    /// same rule and object has equal suppression values, that alert's RepeatCount goes up by one instead (a history
    /// entry by System); otherwise a new alert with RepeatCount 0. Nothing for an object in maintenance (no repeat
    /// either) or one no longer in the instance space. Returns the alert created or repeated, or null.
    /// </summary>
    public Alert? Raise(AlertRequest request, OperationsBatch batch)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(batch);
        var ruleId = AlertDefinitions.ElementId(request.WorkflowId);
        if (_inMaintenance(request.TargetId))
        {
            AlertLog.InMaintenance(_logger, request.WorkflowId, request.TargetId);
            return null;
        }

        if (request.HasSuppression && _bySuppression.TryGetValue(SuppressionKey.Of(ruleId, request.TargetId, request.Suppression), out var openId))
        {
            var open = _open[openId];
            return Save(open, open with { RepeatCount = open.RepeatCount + 1 }, ChangeAuthor.System, null, batch);
        }

        if (!MayRaise(request.WorkflowId, request.TargetId, out var target))
        {
            return null;
        }

        var rule = _definitions.ForRule(request.WorkflowId);
        if (rule is null)
        {
            AlertLog.RuleUnknown(_logger, request.WorkflowId);
        }

        var alert = Raised(
            target,
            isMonitorAlert: false,
            ruleId,
            rule is { } found ? found.Pack.GuidOf(found.Element.Id) : Guid.Empty,
            request.Name,
            request.Description,
            request.Severity,
            request.Priority,
            request.Time,
            ChangeAuthor.System.Name) with
        {
            Category = rule?.Element.Settings.Category,
            Parameters = [.. request.Parameters],
            Context = request.Context,
            Suppression = [.. request.Suppression],
            HasSuppression = request.HasSuppression,
        };
        Add(alert, batch);
        return alert;
    }

    /// <summary>
    /// An alert created through the SDK (the runbook "Create Alert" path) by <paramref name="author"/>, who becomes
    /// its <see cref="Alert.RuleOrMonitorId"/> and LastModifiedBy. Raised even for an object in maintenance: someone
    /// asked for it explicitly. No problem id (no rule or monitor), no suppression: each call is a new alert.
    /// </summary>
    public Alert Create(NewAlert request, ChangeAuthor author, OperationsBatch batch) => CreateMany([request], author, batch)[0];

    /// <summary>
    /// Alerts created through the SDK at once, all or none: every request is checked (and every target found) before
    /// the first is added, so a refused one leaves <paramref name="batch"/> as it was. The problems of a request name
    /// its index when there are several.
    /// </summary>
    public IReadOnlyList<Alert> CreateMany(IReadOnlyList<NewAlert> requests, ChangeAuthor author, OperationsBatch batch)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(author);
        ArgumentNullException.ThrowIfNull(batch);
        var problems = new List<string>();
        for (var i = 0; i < requests.Count; i++)
        {
            var found = new List<string>();
            Check(requests[i], found);
            problems.AddRange(found.Select(p => requests.Count == 1 ? p : $"[{i}]: {p}"));
        }

        if (problems.Count > 0)
        {
            throw new InvalidAlertChangeException(problems);
        }

        var targets = requests.Select(r => _objects(r.MonitoringObjectId) ?? throw new MonitoringObjectNotFoundException(r.MonitoringObjectId)).ToList();
        var now = _time.GetUtcNow();
        var created = new List<Alert>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            var alert = Raised(targets[i], isMonitorAlert: false, author.Name, Guid.Empty, request.Name, request.Description ?? "", request.Severity, request.Priority, now, author.Name) with
            {
                Owner = Cleared(request.Owner),
                TicketId = Cleared(request.TicketId),
                Category = Cleared(request.Category),
                CustomFields = WithCustomFields([.. new string?[10]], request.CustomFields),
            };
            Add(alert, batch);
            created.Add(alert);
        }

        return created;
    }

    private static void Check(NewAlert request, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            problems.Add("an alert needs a name");
        }

        if (request.Severity is < 0 or > 2)
        {
            problems.Add($"severity {request.Severity} is not 0 (Information), 1 (Warning) or 2 (Error)");
        }

        if (request.Priority is < 0 or > 2)
        {
            problems.Add($"priority {request.Priority} is not 0 (Low), 1 (Normal) or 2 (High)");
        }

        CheckCustomFields(request.CustomFields, problems);
    }
}
