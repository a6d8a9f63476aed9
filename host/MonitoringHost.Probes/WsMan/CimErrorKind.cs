namespace MonitoringHost.Probes.WsMan;

/// <summary>What kind of failure a <see cref="CimException"/> reports.</summary>
public enum CimErrorKind
{
    /// <summary>The computer could not be reached (refused, unknown name, TLS failure).</summary>
    Unreachable,

    /// <summary>The credentials were refused (HTTP 401), or the authentication scheme cannot run on this platform.</summary>
    AuthenticationFailed,

    /// <summary>Authenticated, but not allowed to do this (WS-Man AccessDenied, WMI access denied).</summary>
    AccessDenied,

    /// <summary>No such class, resource URI or instance.</summary>
    NotFound,

    /// <summary>The keys given do not identify an instance of the class (wrong or missing key names).</summary>
    InvalidSelectors,

    /// <summary>The WQL query was refused (bad syntax or a class that does not exist).</summary>
    InvalidQuery,

    /// <summary>The HTTP timeout passed, or the server gave up at the operation timeout.</summary>
    Timeout,

    /// <summary>The answer is not a readable WS-Man envelope (malformed XML, a DTD, an unexpected shape or status).</summary>
    ProtocolError,

    /// <summary>Another SOAP fault; the message carries its subcode, WMI error code and text.</summary>
    Fault,

    /// <summary>This way of reaching CIM does not work on this platform.</summary>
    NotSupported,
}
