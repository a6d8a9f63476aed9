namespace MonitoringHost.Probes.Http;

/// <summary>How far an HTTP check got: a response (of any status code), or where it failed.</summary>
public enum HttpCheckStatus
{
    /// <summary>The server answered; <see cref="HttpCheckResult.StatusCode"/> says how.</summary>
    Responded,

    TimedOut,

    NameResolutionFailed,

    ConnectionFailed,

    /// <summary>The TLS handshake itself failed (certificate problems alone do not fail it; they are reported).</summary>
    SecureConnectionFailed,

    /// <summary>The server's answer broke HTTP, ended early, or the body could not be read.</summary>
    ProtocolError,

    /// <summary>More redirects than the request allows, or a redirect from HTTPS to plain HTTP.</summary>
    RedirectRefused,

    /// <summary>The content pattern took longer than its match timeout.</summary>
    ContentMatchFailed,
}
