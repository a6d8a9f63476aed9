namespace MonitoringHost.Runtime.Modules.OData;

/// <summary>
/// Reading an OData feed failed: the URL asked (never with credentials), the HTTP status when the service answered
/// (null when it did not: refused, timed out, unreachable), and what went wrong, with the service's own OData error
/// message when it sent one.
/// </summary>
public sealed class ODataFeedException : Exception
{
    public ODataFeedException(Uri url, int? status, string problem)
        : base($"{url?.AbsoluteUri}: {problem}")
    {
        Url = url;
        Status = status;
        Problem = problem;
    }

    public ODataFeedException()
    {
    }

    public ODataFeedException(string message)
        : base(message)
    {
    }

    public ODataFeedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public Uri? Url { get; }

    public int? Status { get; }

    /// <summary>The service did not answer at all (refused, timed out, unreachable, a name that does not resolve).</summary>
    public bool Unreachable { get; init; }

    public string? Problem { get; }
}
