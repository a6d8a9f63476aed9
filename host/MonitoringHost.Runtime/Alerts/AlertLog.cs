using Microsoft.Extensions.Logging;

namespace MonitoringHost.Runtime.Alerts;

/// <summary>Log events of the alert manager (4100–4149 of the health and alerts 4xxx block).</summary>
internal static partial class AlertLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "Alert settings: {Problem}")]
    public static partial void SettingsProblem(ILogger logger, string problem);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning,
        Message = "{Source} would raise an alert for object {ObjectId}, which is not in the instance space; no alert is raised")]
    public static partial void ObjectUnknown(ILogger logger, string source, Guid objectId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "{Source} raises no alert for object {ObjectId}: it is in maintenance")]
    public static partial void InMaintenance(ILogger logger, string source, Guid objectId);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning,
        Message = "An alert parameter of monitor {MonitorId} is shown as written: {Reason}")]
    public static partial void TargetNotBound(ILogger logger, string monitorId, string reason);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning,
        Message = "The context of monitor {MonitorId}'s state change on object {ObjectId} is not XML ({Reason}); its $Data/Context parameters are empty")]
    public static partial void ContextNotXml(ILogger logger, string monitorId, Guid objectId, string reason);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning,
        Message = "Rule {WorkflowId} is not in the imported packs; its alert has no problem id or category")]
    public static partial void RuleUnknown(ILogger logger, string workflowId);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning,
        Message = "Open alerts {Older} and {Newer} are both open for {What}; {Newer} takes further state changes and repeats, {Older} stays open until closed by hand")]
    public static partial void DuplicateOpenAlert(ILogger logger, Guid older, Guid newer, string what);
}
