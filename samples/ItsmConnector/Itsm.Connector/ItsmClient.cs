using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Itsm.Connector;

/// <summary>The ITSM service's <c>/incidents</c> API.</summary>
public sealed class ItsmClient(HttpClient http, Uri server)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Uri _server = server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");

    /// <summary>The incident's address, for people (written into the alert).</summary>
    public Uri IncidentUri(string id) => new(_server, "incidents/" + Uri.EscapeDataString(id));

    /// <summary>Opens an incident (<c>POST /incidents</c>) with the fields of <paramref name="template"/>, if any.</summary>
    public Task<ItsmIncident> OpenAsync(string title, string description, string? assignedTo, string? affectedCi, Guid sourceAlertId, IncidentTemplate? template, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "incidents", new
        {
            title,
            description,
            assignedTo,
            affectedCi,
            sourceAlertId = sourceAlertId.ToString("D"),
            by = Author,
            template = template?.Name,
            classification = template?.Classification,
            urgency = template?.Urgency,
            impact = template?.Impact,
            supportGroup = template?.SupportGroup,
        }, cancellationToken);

    /// <summary>Changes an incident (<c>PATCH /incidents/{id}</c>); null fields stay as they are.</summary>
    public Task<ItsmIncident> ChangeAsync(string id, string? status, string? assignedTo, string comment, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, "incidents/" + Uri.EscapeDataString(id), new { status, assignedTo, comment, by = Author }, cancellationToken);

    /// <summary>The incident raised from the alert, if there is one.</summary>
    public async Task<ItsmIncident?> FindBySourceAlertAsync(Guid alertId, CancellationToken cancellationToken) =>
        await ListAsync($"incidents?sourceAlertId={alertId:D}", cancellationToken).ConfigureAwait(false) is [var first, ..] ? first : null;

    /// <summary>The incidents changed after the change sequence <paramref name="sequence"/>, in sequence order.</summary>
    public Task<IReadOnlyList<ItsmIncident>> ChangedAfterAsync(long sequence, CancellationToken cancellationToken) =>
        ListAsync("incidents?changedAfter=" + sequence.ToString(CultureInfo.InvariantCulture), cancellationToken);

    /// <summary>Who the connector's changes are recorded as in the ITSM service.</summary>
    public const string Author = "MonitoringHost connector";

    private async Task<IReadOnlyList<ItsmIncident>> ListAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(_server, path), cancellationToken).ConfigureAwait(false);
        return (await ReadAsync<IncidentList>(response, cancellationToken).ConfigureAwait(false)).Items;
    }

    private async Task<ItsmIncident> SendAsync(HttpMethod method, string path, object body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_server, path)) { Content = JsonContent.Create(body, options: Json) };
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<ItsmIncident>(response, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpRequestException($"the ITSM service answered {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} with {(int)response.StatusCode}: {problem}", null, response.StatusCode);
        }

        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken).ConfigureAwait(false)
            ?? throw new HttpRequestException($"the ITSM service answered {response.RequestMessage?.RequestUri} with an empty body");
    }

    private sealed record IncidentList(IReadOnlyList<ItsmIncident> Items);
}
