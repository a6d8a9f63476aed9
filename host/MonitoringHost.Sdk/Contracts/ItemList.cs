namespace MonitoringHost.Sdk.Contracts;

/// <summary>A list that is not paged: <c>{ items }</c>.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">Every item.</param>
public sealed record ItemList<T>(IReadOnlyList<T> Items);
