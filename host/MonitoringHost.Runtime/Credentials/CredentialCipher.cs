using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MonitoringHost.Runtime.Credentials;

/// <summary>
/// AES-256-GCM over a credential's fields. The envelope is <c>version (1) | nonce (12) | tag (16) | ciphertext</c>; the
/// associated data is the account's id and kind, so an envelope copied onto another account (or relabelled as another
/// kind) fails authentication instead of decrypting. A fresh random nonce per encryption: keys encrypt far fewer than
/// the 2^32 messages where random 96-bit nonces start to risk repeating.
/// </summary>
internal static class CredentialCipher
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + NonceSize + TagSize;

    public static byte[] Encrypt(CredentialKey key, Guid accountId, RunAsCredential credential)
    {
        var plain = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(plain))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in credential.Fields)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        var envelope = Seal(key, plain.WrittenSpan, AssociatedData(accountId, credential.Kind));

        // The writer's buffer held the secret in the clear.
        CryptographicOperations.ZeroMemory(MemoryMarshalSpan(plain));
        return envelope;
    }

    public static RunAsCredential Decrypt(CredentialKey key, Guid accountId, RunAsAccountKind kind, ReadOnlySpan<byte> envelope)
    {
        if (envelope.Length < HeaderSize || envelope[0] != Version)
        {
            throw new CredentialDecryptionException(accountId, envelope.Length < HeaderSize
                ? $"the stored envelope is {envelope.Length} bytes, shorter than any this host writes"
                : $"the stored envelope has format version {envelope[0]}; this host reads version {Version}");
        }

        var plain = new byte[envelope.Length - HeaderSize];
        try
        {
            Open(key, envelope, plain, AssociatedData(accountId, kind));

            var fields = new List<KeyValuePair<string, string>>();
            var reader = new Utf8JsonReader(plain);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                fields.Add(KeyValuePair.Create(name, reader.GetString()!));
            }

            return RunAsCredential.FromFields(kind, fields);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new CredentialDecryptionException(accountId,
                $"authentication failed: the key in use is not the one it was encrypted with, or the stored secret was altered or belongs to another account (key file: {key.FilePath})");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>Encrypts <paramref name="plain"/> into a new envelope bound to <paramref name="associatedData"/>.</summary>
    internal static byte[] Seal(CredentialKey key, ReadOnlySpan<byte> plain, ReadOnlySpan<byte> associatedData)
    {
        var envelope = new byte[HeaderSize + plain.Length];
        envelope[0] = Version;
        var nonce = envelope.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key.Bytes, TagSize);
        aes.Encrypt(nonce, plain, envelope.AsSpan(HeaderSize), envelope.AsSpan(1 + NonceSize, TagSize), associatedData);
        return envelope;
    }

    /// <summary>
    /// Decrypts <paramref name="envelope"/> (checked for its length and version by the caller) into
    /// <paramref name="plain"/> (its length less the header); throws <see cref="AuthenticationTagMismatchException"/>
    /// when the key, the data or <paramref name="associatedData"/> is not the one it was sealed with.
    /// </summary>
    internal static void Open(CredentialKey key, ReadOnlySpan<byte> envelope, Span<byte> plain, ReadOnlySpan<byte> associatedData)
    {
        using var aes = new AesGcm(key.Bytes, TagSize);
        aes.Decrypt(envelope.Slice(1, NonceSize), envelope[HeaderSize..], envelope.Slice(1 + NonceSize, TagSize), plain, associatedData);
    }

    /// <summary>Whether <paramref name="envelope"/> has this host's format (header and version).</summary>
    internal static bool IsEnvelope(ReadOnlySpan<byte> envelope) => envelope.Length >= HeaderSize && envelope[0] == Version;

    internal static int PlainLength(ReadOnlySpan<byte> envelope) => envelope.Length - HeaderSize;

    private static byte[] AssociatedData(Guid accountId, RunAsAccountKind kind)
    {
        var data = new byte[16 + Encoding.ASCII.GetByteCount(kind.ToString())];
        accountId.TryWriteBytes(data);
        Encoding.ASCII.GetBytes(kind.ToString(), data.AsSpan(16));
        return data;
    }

    private static Span<byte> MemoryMarshalSpan(ArrayBufferWriter<byte> buffer) =>
        System.Runtime.InteropServices.MemoryMarshal.AsMemory(buffer.WrittenMemory).Span;
}
