using System.Text.Json;

namespace MonitoringHost.Sdk.Contracts;

/// <summary>One entry of the change feed, as the event stream sends it (<c>GET /events</c>, the <c>data:</c> line).</summary>
/// <param name="Sequence">Its place in the feed: increasing in commit order; also the event's SSE <c>id</c>.</param>
/// <param name="Kind">What happened: <c>object.added</c>, <c>alert.updated</c>, <c>health.changed</c>, … (API.md "Event stream").</param>
/// <param name="SubjectId">The object, relationship or alert it happened to.</param>
/// <param name="Time">When it happened (UTC).</param>
/// <param name="Data">The change's details, a JSON object whose fields depend on <see cref="Kind"/>.</param>
public sealed record ChangeEvent(
    long Sequence,
    string Kind,
    Guid SubjectId,
    DateTimeOffset Time,
    JsonElement Data);
