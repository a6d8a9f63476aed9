namespace MonitoringHost.Runtime.Credentials;

/// <summary>A Run As account's stored secret cannot be decrypted: which account and why, never any part of the secret.</summary>
public sealed class CredentialDecryptionException(Guid accountId, string reason)
    : Exception($"The secret of Run As account {accountId:D} cannot be decrypted: {reason}")
{
    public Guid AccountId { get; } = accountId;
}
