namespace MonitoringHost.Sdk.Contracts;

/// <summary>An event inserted for an object (<c>POST /objects/{id}/events</c>); rules with the SDK event data source see it.</summary>
/// <param name="EventNumber">The event number.</param>
/// <param name="Level">The event level (1 Error, 2 Warning, 4 Information, …).</param>
/// <param name="Source">The event source.</param>
/// <param name="Description">The description.</param>
/// <param name="Parameters">The event parameters.</param>
/// <param name="Time">When it happened (UTC); now when not given.</param>
public sealed record MonitoringEvent(int EventNumber, int Level, string Source, string Description, IReadOnlyList<string>? Parameters = null, DateTimeOffset? Time = null);
