using System.Collections.Concurrent;
using System.Net.Http;
using System.Net.Security;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;

namespace MonitoringHost.Probes.Http;

/// <summary>
/// The certificate each HTTPS server (scheme, host, port) presented on its newest connection. A pooled connection
/// does not handshake again, so a check that reuses one reads the certificate recorded when it was opened; the
/// handler's connection lifetime bounds how stale that can be.
/// </summary>
internal sealed class ServerCertificates
{
    // Validation runs inside the handshake, before the handler says which request the connection is for; the
    // verdict waits here, keyed by the SslStream, until the stream filter sees that stream with its request.
    private readonly ConditionalWeakTable<object, Verdict> _verdicts = [];
    private readonly ConcurrentDictionary<string, ServerCertificate> _byServer = new(StringComparer.OrdinalIgnoreCase);

    public ServerCertificate? For(Uri url) => _byServer.GetValueOrDefault(Key(url));

    /// <summary>Records the platform's verdict and accepts the certificate: its problems are reported, not fatal.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        _verdicts.AddOrUpdate(sender, new Verdict(errors, Describe(errors, chain)));
        return true;
    }

    /// <summary>The handler's plaintext stream filter: sees each new connection's TLS stream and the request that opened it.</summary>
    public ValueTask<Stream> Record(SocketsHttpPlaintextStreamFilterContext context, CancellationToken cancellationToken)
    {
        if (context.PlaintextStream is SslStream { RemoteCertificate: X509Certificate2 certificate } tls
            && context.InitialRequestMessage.RequestUri is { } url)
        {
            var verdict = _verdicts.TryGetValue(tls, out var found) ? found : new Verdict(SslPolicyErrors.None, null);
            _byServer[Key(url)] = new ServerCertificate(
                certificate.Subject,
                certificate.Issuer,
                new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero),
                new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero),
                certificate.Thumbprint,
                verdict.Errors,
                verdict.Problem);
        }

        return ValueTask.FromResult(context.PlaintextStream);
    }

    private static string Key(Uri url) => $"{url.Scheme}://{url.IdnHost}:{url.Port}";

    private static string? Describe(SslPolicyErrors errors, X509Chain? chain)
    {
        if (errors == SslPolicyErrors.None)
        {
            return null;
        }

        var parts = new List<string>();
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            parts.Add("the server presented no certificate");
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            parts.Add("the certificate's names do not include the host");
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            var statuses = chain?.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList() ?? [];
            parts.Add(statuses.Count > 0 ? $"the chain is not trusted ({string.Join("; ", statuses)})" : "the chain is not trusted");
        }

        return string.Join("; ", parts);
    }

    private sealed record Verdict(SslPolicyErrors Errors, string? Problem);
}
