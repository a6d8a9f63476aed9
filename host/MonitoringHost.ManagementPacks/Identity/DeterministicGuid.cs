using System.Security.Cryptography;
using System.Text;

namespace MonitoringHost.ManagementPacks.Identity;

/// <summary>
/// SCOM's element and pack ids: SHA-1 over the UTF-16LE string <c>MPName={id}[,KeyToken={token}][,ObjectId={element}]</c>,
/// the first 16 bytes read in <see cref="Guid(ReadOnlySpan{byte})"/> order. The token is part of the input, so sealing
/// a pack changes every id.
/// </summary>
public static class DeterministicGuid
{
    public static Guid ForManagementPack(string managementPackId, string? keyToken) =>
        FromString(Prefix(managementPackId, keyToken));

    public static Guid ForElement(string managementPackId, string? keyToken, string elementId) =>
        FromString($"{Prefix(managementPackId, keyToken)},ObjectId={elementId}");

    /// <summary>The id for an arbitrary identity string, hashed as SCOM hashes it.</summary>
    public static Guid FromString(string identity)
    {
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        var bytes = Encoding.Unicode.GetBytes(identity);
#pragma warning disable CA5350 // SHA-1 is what SCOM uses for ids; it is an identifier here, not a security control.
        SHA1.HashData(bytes, hash);
#pragma warning restore CA5350
        return new Guid(hash[..16]);
    }

    private static string Prefix(string managementPackId, string? keyToken) =>
        string.IsNullOrEmpty(keyToken) ? $"MPName={managementPackId}" : $"MPName={managementPackId},KeyToken={keyToken}";
}
