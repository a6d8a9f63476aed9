namespace MonitoringHost.Sdk;

/// <summary>A resource with the ETag it was read with, to send back as <c>If-Match</c>.</summary>
/// <typeparam name="T">The resource type.</typeparam>
/// <param name="Value">The resource.</param>
/// <param name="ETag">Its ETag, quotes included.</param>
public sealed record ETagged<T>(T Value, string ETag);
