namespace MonitoringHost.Discovery.Data;

/// <summary>
/// An object as discovery data describes it: its class, its property values (key properties at least) and, for a
/// hosted class, its host described the same way. The same shape names an existing object (a host, a relationship
/// end, a removal): then only key properties matter.
/// </summary>
public sealed record ObjectData(string ClassName, IReadOnlyDictionary<string, string?> Properties, ObjectData? Host = null);
