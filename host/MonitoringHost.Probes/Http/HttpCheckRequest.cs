using System.Text.RegularExpressions;

namespace MonitoringHost.Probes.Http;

/// <summary>
/// One HTTP check: the URL and method, what the content must contain (a substring, compared ordinally, or a
/// pattern), whether redirects are followed, and the time the whole exchange may take, redirects and body included.
/// </summary>
public sealed record HttpCheckRequest(Uri Url)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public HttpMethod Method { get; init; } = HttpMethod.Get;

    public string? ContentSubstring { get; init; }

    /// <summary>A pattern the content must match; give it a match timeout, content comes from outside.</summary>
    public Regex? ContentPattern { get; init; }

    public bool FollowRedirects { get; init; } = true;

    public int MaxRedirects { get; init; } = 10;

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>How much of the body is read (and matched); the rest is not downloaded.</summary>
    public int MaxContentBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// Where to connect for the URL's host instead of resolving it (the address of a computer added by name), the URL
    /// staying as it is; a redirect to another host resolves that host as usual.
    /// </summary>
    public string? ConnectAddress { get; init; }

    internal bool MatchesContent => ContentSubstring is { Length: > 0 } || ContentPattern is not null;
}
