namespace MonitoringHost.Discovery.Classes;

/// <summary>A class property as the instance space uses it: where it is declared and how its values are checked.</summary>
public sealed record PropertyInfo(string Id, string Type, bool Key, bool CaseSensitive, int? MaxLength, string DeclaringClass);
