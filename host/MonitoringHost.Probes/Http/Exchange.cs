namespace MonitoringHost.Probes.Http;

/// <summary>Where one check has got to, request by request: the results are built from it however the check ends.</summary>
internal sealed class Exchange(HttpCheckRequest request, long started)
{
    public HttpCheckRequest Request { get; } = request;

    public long Started { get; } = started;

    public Uri Url { get; set; } = request.Url;

    public HttpMethod Method { get; set; } = request.Method;

    public int StatusCode { get; set; }

    public int Redirects { get; set; }

    public long ContentBytes { get; set; }

    public bool? ContentMatched { get; set; }
}
