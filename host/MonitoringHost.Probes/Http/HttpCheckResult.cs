namespace MonitoringHost.Probes.Http;

/// <summary>
/// How one HTTP check went. <see cref="StatusCode"/> is the final response's (0 without one);
/// <see cref="ResponseTime"/> runs from the first request to the end of the body read, redirects included;
/// <see cref="ContentMatched"/> is null when no match was asked for or there was no body to match.
/// <see cref="Certificate"/> is the final server's certificate over HTTPS, with its expiry measured at the check.
/// </summary>
public sealed record HttpCheckResult(
    Uri Url,
    string Method,
    HttpCheckStatus Status,
    Uri? FinalUrl,
    int StatusCode,
    TimeSpan ResponseTime,
    long ContentBytes,
    bool? ContentMatched,
    int Redirects,
    ServerCertificate? Certificate,
    double? CertificateDaysUntilExpiry,
    string? Message)
{
    public bool Responded => Status == HttpCheckStatus.Responded;
}
