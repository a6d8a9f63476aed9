using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using MonitoringHost.Sdk;
using MonitoringHost.Sdk.Contracts;

namespace Itsm.Connector;

/// <summary>
/// One synchronization between MonitoringHost and the ITSM service, as Service Manager's Operations Manager Alert
/// connector does it. Alert changes first: a new alert becomes an incident, from the template of the first routing
/// rule its record matches (else the default template), whose id is written back as the alert's
/// ticket id; a closed alert resolves its incident. Then incident changes: a resolved or closed incident closes its
/// alert. Conflicts end the way Service Manager ends them: an incident resolved while its alert was updated closes the
/// alert; an alert closed while its incident was updated resolves the incident, and a closed alert is never reopened.
/// Every step is idempotent, because changes come at least once: the incident of an alert is found by the alert's id
/// in the ITSM service, never opened twice, and an alert is only changed after reading it, with If-Match.
/// </summary>
public sealed class IncidentSync(MonitoringHostClient monitoringHost, ItsmClient itsm, ConnectorOptions options, ILogger logger)
{
    private const int BatchSize = 200;
    private const int MaxAttempts = 5;
    private const string Created = "alert.created";

    private readonly AlertRouting _routing = options.Routing();

    // The last change handled in this process: a batch read again after a failed acknowledgement skips what it did.
    private long _handledThrough;

    /// <summary>One pass: the alert changes (waiting up to <paramref name="wait"/> for one), then the incident changes.</summary>
    public async Task RunOnceAsync(TimeSpan? wait, CancellationToken cancellationToken)
    {
        await SyncAlertsAsync(wait, cancellationToken).ConfigureAwait(false);
        await SyncIncidentsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Handles every alert change the connector has, batch by batch, acknowledging each batch once it is handled.</summary>
    public async Task SyncAlertsAsync(TimeSpan? wait, CancellationToken cancellationToken)
    {
        ConnectorAlertPage page;
        do
        {
            page = await monitoringHost.GetConnectorAlertsAsync(options.ConnectorId, null, BatchSize, wait, cancellationToken).ConfigureAwait(false);
            await HandleAsync(page.Items, cancellationToken).ConfigureAwait(false);
            if (page.Items.Count > 0)
            {
                await monitoringHost.AcknowledgeConnectorAlertsAsync(options.ConnectorId, page.Cursor, cancellationToken).ConfigureAwait(false);
            }

            wait = null;
        }
        while (page.More);
    }

    /// <summary>Handles alert changes in order (without acknowledging them).</summary>
    public async Task HandleAsync(IReadOnlyList<ConnectorAlert> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes.Where(c => c.ChangeSeq > _handledThrough))
        {
            await HandleAsync(change, cancellationToken).ConfigureAwait(false);
            _handledThrough = change.ChangeSeq;
        }
    }

    /// <summary>
    /// Applies the incidents changed in the ITSM service since the last pass to their open alerts: a resolved or closed
    /// incident closes its alert, a reassigned one sets its owner. The change sequence read so far is kept in the state file.
    /// </summary>
    public async Task SyncIncidentsAsync(CancellationToken cancellationToken)
    {
        var state = SyncState.Load(options.StateFile);
        foreach (var incident in await itsm.ChangedAfterAsync(state.ItsmSequence, cancellationToken).ConfigureAwait(false))
        {
            if (Guid.TryParse(incident.SourceAlertId, out var alertId))
            {
                await ApplyToAlertAsync(incident, alertId, cancellationToken).ConfigureAwait(false);
            }

            state = new SyncState(incident.Sequence);
            state.Save(options.StateFile);
        }
    }

    private async Task HandleAsync(ConnectorAlert alert, CancellationToken cancellationToken)
    {
        var incident = await itsm.FindBySourceAlertAsync(alert.Id, cancellationToken).ConfigureAwait(false);
        if (!alert.IsOpen)
        {
            if (incident is { IsResolved: false } && options.ResolveIncidentsWhenAlertsClosed)
            {
                var closedBy = alert.ResolvedBy ?? alert.ChangedBy;
                await itsm.ChangeAsync(incident.Id, "Resolved", null, $"Alert closed in MonitoringHost by {closedBy}", cancellationToken).ConfigureAwait(false);
                Log.IncidentResolved(logger, alert.Id, closedBy, incident.Id);
            }

            return;
        }

        if (incident is null)
        {
            if (alert.TicketId is not null)
            {
                Log.ForeignTicket(logger, alert.Id, alert.TicketId);
                return;
            }

            var (rule, template) = _routing.Route(alert);
            incident = await itsm.OpenAsync(alert.Name, alert.Description, alert.Owner ?? options.AssignedTo, alert.MonitoringObjectDisplayName, alert.Id, template, cancellationToken)
                .ConfigureAwait(false);
            Log.IncidentOpened(logger, alert.Id, alert.Name, incident.Id, rule?.Name ?? "(no rule: the default template)", template?.Name);
        }

        if (alert.Change == Created || alert.TicketId != incident.Id)
        {
            await WriteTicketAsync(alert.Id, incident, cancellationToken).ConfigureAwait(false);
        }
        else if (alert.Changes?.ContainsKey("owner") == true && alert.Owner is { } owner && owner != incident.AssignedTo && !incident.IsResolved)
        {
            await itsm.ChangeAsync(incident.Id, null, owner, $"Alert owner set to {owner} in MonitoringHost by {alert.ChangedBy}", cancellationToken).ConfigureAwait(false);
            Log.OwnerSynchronized(logger, alert.Id, incident.Id, owner);
        }
    }

    /// <summary>
    /// Writes the incident back into its alert: ticket id, owner, the incident's address in custom field 1, and a new
    /// alert's resolution state Acknowledged. Nothing when the alert has the ticket already (a change delivered again).
    /// </summary>
    private Task<MonitoringAlert?> WriteTicketAsync(Guid alertId, ItsmIncident incident, CancellationToken cancellationToken) =>
        UpdateAlertAsync(alertId, current => current.TicketId == incident.Id ? null : new AlertChange(
            ResolutionState: current.ResolutionState == ResolutionStates.New ? options.AcknowledgedResolutionState : null,
            Owner: current.Owner is null ? incident.AssignedTo : null,
            TicketId: incident.Id,
            Comment: $"Incident {incident.Id} created")
        {
            CustomField1 = itsm.IncidentUri(incident.Id).AbsoluteUri,
        }, cancellationToken);

    /// <summary>An incident changed in the ITSM service: a resolved one closes its open alert, a reassigned one sets its owner.</summary>
    private async Task ApplyToAlertAsync(ItsmIncident incident, Guid alertId, CancellationToken cancellationToken)
    {
        try
        {
            var updated = await UpdateAlertAsync(alertId, current =>
            {
                if (!current.IsOpen || current.TicketId != incident.Id)
                {
                    // A closed alert stays closed whatever happens to its incident; an alert tracked by another ticket is not ours.
                    return null;
                }

                if (incident.IsResolved)
                {
                    return options.CloseAlertsWhenIncidentsResolved
                        ? new AlertChange(ResolutionStates.Closed, Comment: $"Incident {incident.Id} {incident.Status.ToLowerInvariant()} in ITSM by {incident.ResolvedBy}")
                        : null;
                }

                return incident.AssignedTo is { } assignee && assignee != current.Owner
                    ? new AlertChange(Owner: assignee, Comment: $"Incident {incident.Id} assigned to {assignee}")
                    : null;
            }, cancellationToken).ConfigureAwait(false);
            if (updated is { IsOpen: false })
            {
                Log.AlertClosed(logger, incident.Id, incident.Status, incident.ResolvedBy, alertId);
            }
        }
        catch (MonitoringHostApiException e) when (e.Status == HttpStatusCode.NotFound)
        {
            Log.AlertGone(logger, incident.Id, alertId);
        }
    }

    /// <summary>
    /// Reads the alert and applies what <paramref name="decide"/> makes of it, only if nobody changed the alert in
    /// between (If-Match); otherwise reads it again. (A Connector key reads the alerts its connector was given.)
    /// </summary>
    /// <returns>The alert as it is after the change; null when there was nothing to change.</returns>
    private async Task<MonitoringAlert?> UpdateAlertAsync(Guid alertId, Func<MonitoringAlert, AlertChange?> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await monitoringHost.GetAlertAsync(alertId, cancellationToken).ConfigureAwait(false);
            if (decide(current) is not { } change)
            {
                return null;
            }

            try
            {
                return await monitoringHost.UpdateAlertAsync(alertId, change, ETag(current), cancellationToken).ConfigureAwait(false);
            }
            catch (MonitoringHostApiException e) when (e.Status == HttpStatusCode.Conflict && attempt < MaxAttempts)
            {
                Log.AlertChangedMeanwhile(logger, alertId);
            }
        }
    }

    private static string ETag(MonitoringAlert alert) => $"\"{alert.Version.ToString(CultureInfo.InvariantCulture)}\"";
}
