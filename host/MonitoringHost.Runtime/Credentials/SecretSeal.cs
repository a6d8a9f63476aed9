using System.Security.Cryptography;
using System.Text;

namespace MonitoringHost.Runtime.Credentials;

/// <summary>
/// A secret other than a Run As account's (a connector's webhook secret…) sealed under the host's
/// <see cref="CredentialKey"/>, as Run As secrets are (AES-256-GCM): the envelope is bound to what the secret is for
/// and whose it is, so an envelope copied onto another owner fails to open instead of decrypting.
/// </summary>
public static class SecretSeal
{
    /// <summary>Seals <paramref name="secret"/> for <paramref name="purpose"/> of <paramref name="owner"/>.</summary>
    public static byte[] Seal(CredentialKey key, string purpose, Guid owner, string secret)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(secret);
        var plain = Encoding.UTF8.GetBytes(secret);
        try
        {
            return CredentialCipher.Seal(key, plain, AssociatedData(purpose, owner));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>Opens what <see cref="Seal"/> sealed; throws <see cref="CredentialDecryptionException"/> when it cannot.</summary>
    public static string Open(CredentialKey key, string purpose, Guid owner, ReadOnlySpan<byte> envelope)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!CredentialCipher.IsEnvelope(envelope))
        {
            throw new CredentialDecryptionException(owner, $"the stored {purpose} is not an envelope this host wrote");
        }

        var plain = new byte[CredentialCipher.PlainLength(envelope)];
        try
        {
            CredentialCipher.Open(key, envelope, plain, AssociatedData(purpose, owner));
            return Encoding.UTF8.GetString(plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new CredentialDecryptionException(owner,
                $"the {purpose} cannot be opened: the key in use is not the one it was sealed with, or it was altered or belongs to another owner (key file: {key.FilePath})");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    private static byte[] AssociatedData(string purpose, Guid owner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        var data = new byte[16 + Encoding.UTF8.GetByteCount(purpose)];
        owner.TryWriteBytes(data);
        Encoding.UTF8.GetBytes(purpose, data.AsSpan(16));
        return data;
    }
}
