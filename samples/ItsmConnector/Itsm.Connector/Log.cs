using Microsoft.Extensions.Logging;

namespace Itsm.Connector;

/// <summary>The connector's log events (7xxx: connectors).</summary>
internal static partial class Log
{
    [LoggerMessage(7501, LogLevel.Information, "Alert {AlertId} ({AlertName}): incident {IncidentId} opened by routing rule {Rule}, template {Template}")]
    public static partial void IncidentOpened(ILogger logger, Guid alertId, string alertName, string incidentId, string rule, string? template);

    [LoggerMessage(7502, LogLevel.Information, "Alert {AlertId} closed by {ClosedBy}: incident {IncidentId} resolved")]
    public static partial void IncidentResolved(ILogger logger, Guid alertId, string closedBy, string incidentId);

    [LoggerMessage(7503, LogLevel.Information, "Incident {IncidentId} {Status} by {ResolvedBy}: alert {AlertId} closed")]
    public static partial void AlertClosed(ILogger logger, string incidentId, string status, string? resolvedBy, Guid alertId);

    [LoggerMessage(7504, LogLevel.Information, "Alert {AlertId} already has ticket {TicketId} from elsewhere: no incident opened")]
    public static partial void ForeignTicket(ILogger logger, Guid alertId, string ticketId);

    [LoggerMessage(7505, LogLevel.Debug, "Alert {AlertId} changed while it was being updated; trying again")]
    public static partial void AlertChangedMeanwhile(ILogger logger, Guid alertId);

    [LoggerMessage(7506, LogLevel.Warning, "Incident {IncidentId} names alert {AlertId}, which the server does not have")]
    public static partial void AlertGone(ILogger logger, string incidentId, Guid alertId);

    [LoggerMessage(7507, LogLevel.Information, "Owner of alert {AlertId} and assignee of incident {IncidentId} set to {Owner}")]
    public static partial void OwnerSynchronized(ILogger logger, Guid alertId, string incidentId, string owner);

    [LoggerMessage(7508, LogLevel.Warning, "Synchronization pass failed; trying again in {Delay}")]
    public static partial void PassFailed(ILogger logger, Exception exception, TimeSpan delay);
}
