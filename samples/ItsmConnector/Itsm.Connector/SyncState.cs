using System.Text.Json;

namespace Itsm.Connector;

/// <summary>
/// How far the connector read the ITSM service's changes, kept in a file. Losing it is harmless: the connector reads
/// every incident again and finds nothing left to do (a closed alert is not closed twice).
/// </summary>
/// <param name="ItsmSequence">The highest incident change sequence handled.</param>
public sealed record SyncState(long ItsmSequence)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static SyncState Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<SyncState>(File.ReadAllText(path), Json) ?? new SyncState(0) : new SyncState(0);

    /// <summary>Writes the state next to the file and moves it over, so that a crash leaves the old or the new one.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, path, overwrite: true);
    }
}
