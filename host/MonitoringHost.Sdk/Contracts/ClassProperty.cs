namespace MonitoringHost.Sdk.Contracts;

/// <summary>A property of a class.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Type">Its type (<c>string</c>, <c>int</c>, …).</param>
/// <param name="Key">Whether it is a key property.</param>
/// <param name="DeclaringClass">The class that declares it (the class itself or one of its bases).</param>
public sealed record ClassProperty(string Name, string Type, bool Key, string? DeclaringClass = null);
