using System.Text.RegularExpressions;
using MonitoringHost.Probes.Http;

namespace MonitoringHost.Runtime.Modules.Probes;

/// <summary>
/// The HTTP probe's configuration: <c>Url</c> (absolute http or https), <c>Method</c> (default GET),
/// <c>ContentMatch</c> (a substring, case-sensitive) or <c>ContentMatchRegex</c>, <c>FollowRedirects</c> (default
/// true) and <c>TimeoutSeconds</c> (1 to 3600, default 30). An empty element, as a composite passes an optional
/// value it was not given, means the default.
/// </summary>
public sealed record HttpRequestProbeConfiguration(HttpCheckRequest Request)
{
    /// <summary>Content comes from outside: a pattern gets this long per match before the check reports it.</summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    public static HttpRequestProbeConfiguration Read(ModuleConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration.Required("Url");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw configuration.Problem("Url", $"'{text}' is not an absolute http or https URL");
        }

        var method = configuration.Optional("Method") is { Length: > 0 } name ? name : "GET";
        if (!method.All(char.IsAsciiLetter))
        {
            throw configuration.Problem("Method", $"'{method}' is not an HTTP method");
        }

        // The substring is taken as written: leading or trailing spaces may be what must be found.
        var substring = configuration.Child("ContentMatch")?.Value is { Length: > 0 } s ? s : null;
        var pattern = configuration.Optional("ContentMatchRegex") is { Length: > 0 } p ? Pattern(configuration, p) : null;
        if (substring is not null && pattern is not null)
        {
            throw configuration.Problem("ContentMatchRegex", "is given together with ContentMatch; give one of them");
        }

        var timeout = configuration.OptionalInteger("TimeoutSeconds") ?? (long)HttpCheckRequest.DefaultTimeout.TotalSeconds;
        if (timeout is < 1 or > 3600)
        {
            throw configuration.Problem("TimeoutSeconds", $"{timeout} is not between 1 and 3600");
        }

        return new HttpRequestProbeConfiguration(new HttpCheckRequest(url)
        {
            Method = new HttpMethod(method.ToUpperInvariant()),
            ContentSubstring = substring,
            ContentPattern = pattern,
            FollowRedirects = configuration.OptionalBoolean("FollowRedirects") ?? true,
            Timeout = TimeSpan.FromSeconds(timeout),
        });
    }

    private static Regex Pattern(ModuleConfiguration configuration, string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException e)
        {
            throw configuration.Problem("ContentMatchRegex", $"'{pattern}' is not a regular expression: {e.Message}");
        }
    }
}
