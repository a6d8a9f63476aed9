namespace MonitoringHost.Storage;

/// <summary>
/// A management pack imported through the API, as kept: its ID (<paramref name="Name"/>), version, whether it is
/// sealed (and with which key), the XML bytes exactly as imported, and when and by whom it was imported.
/// </summary>
public sealed record StoredManagementPack(
    string Name,
    Version Version,
    bool Sealed,
    string? PublicKeyToken,
    byte[] Xml,
    DateTimeOffset ImportedAt,
    string ImportedBy);
