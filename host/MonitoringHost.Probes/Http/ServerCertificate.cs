using System.Net.Security;

namespace MonitoringHost.Probes.Http;

/// <summary>
/// The certificate a server presented and what the platform's validation said of it (chain, name, dates).
/// <see cref="Problem"/> words the errors; an invalid certificate does not stop the check.
/// </summary>
public sealed record ServerCertificate(
    string Subject,
    string Issuer,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    string Thumbprint,
    SslPolicyErrors Errors,
    string? Problem)
{
    public bool IsValid => Errors == SslPolicyErrors.None;

    /// <summary>Days until the certificate expires (negative once it has), as of <paramref name="now"/>.</summary>
    public double DaysUntilExpiry(DateTimeOffset now) => (NotAfter - now).TotalDays;
}
