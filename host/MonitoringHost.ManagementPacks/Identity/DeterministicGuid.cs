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

    /// <summary>
    /// One hasher per thread, reset after each use: creating a hash context per call costs more than hashing the
    /// hundred bytes of an identity, and the instance space hashes one per discovered object.
    /// </summary>
    [ThreadStatic]
    private static IncrementalHash? _sha1;

    /// <summary>The id for an arbitrary identity string, hashed as SCOM hashes it.</summary>
    public static Guid FromString(string identity)
    {
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        var length = Encoding.Unicode.GetByteCount(identity);
        var rented = length <= 1024 ? null : System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        var bytes = rented is null ? stackalloc byte[length] : rented.AsSpan(0, length);
        Encoding.Unicode.GetBytes(identity, bytes);
#pragma warning disable CA5350 // SHA-1 is what SCOM uses for ids; it is an identifier here, not a security control.
        var sha1 = _sha1 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
#pragma warning restore CA5350
        sha1.AppendData(bytes);
        sha1.GetHashAndReset(hash);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }

        return new Guid(hash[..16]);
    }

    private static string Prefix(string managementPackId, string? keyToken) =>
        string.IsNullOrEmpty(keyToken) ? $"MPName={managementPackId}" : $"MPName={managementPackId},KeyToken={keyToken}";
}
