namespace MonitoringHost.Probes.WsMan;

/// <summary>
/// A CIM request that failed on the remote side or on the way there. <see cref="FaultCode"/> is the WS-Man/WMI error
/// code of a SOAP fault (e.g. 2150858752 for a resource that does not exist, 5 for access denied), null otherwise.
/// </summary>
public sealed class CimException : Exception
{
    public CimException()
    {
    }

    public CimException(string message)
        : base(message)
    {
    }

    public CimException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CimException(CimErrorKind kind, Uri? target, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Target = target;
    }

    public CimErrorKind Kind { get; init; } = CimErrorKind.Fault;

    /// <summary>The WS-Man endpoint the request went to.</summary>
    public Uri? Target { get; init; }

    /// <summary>The fault's <c>f:WSManFault/@Code</c> (or a WMI error code), when the server sent a fault.</summary>
    public uint? FaultCode { get; init; }

    /// <summary>The fault's subcode as sent, e.g. <c>w:InvalidSelectors</c>.</summary>
    public string? FaultSubcode { get; init; }

    /// <summary>The HTTP status of the answer, 0 when none arrived.</summary>
    public int HttpStatus { get; init; }
}
