namespace MonitoringHost.Sdk.Contracts;

/// <summary>One page of a list: its items and the cursor of the next page (null on the last page).</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of this page.</param>
/// <param name="NextCursor">Pass as <c>cursor=</c> to read the next page; null when there is none.</param>
public sealed record ListPage<T>(IReadOnlyList<T> Items, string? NextCursor = null);
