using System.Globalization;

namespace MonitoringHost.Probes.Ssh;

/// <summary>A server's host key as pinned: its algorithm (<c>ssh-ed25519</c>, …) and SHA256 fingerprint (<c>SHA256:…</c>, unpadded base64, as <c>ssh-keygen -l</c> prints it).</summary>
public sealed record SshHostKey(string Algorithm, string Fingerprint)
{
    /// <summary>The fingerprint of a public key blob (the base64 part of a <c>.pub</c> file, decoded).</summary>
    public static string FingerprintOf(ReadOnlySpan<byte> publicKeyBlob) =>
        "SHA256:" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(publicKeyBlob)).TrimEnd('=');

    /// <summary><c>host:port</c>; an IPv6 address in brackets.</summary>
    public static string Endpoint(string host, int port) =>
        (host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host) + ":" + port.ToString(CultureInfo.InvariantCulture);
}
