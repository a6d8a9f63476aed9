namespace MonitoringHost.Runtime.Modules.OData;

/// <summary>
/// The OData feed probe's configuration: <c>ServiceUrl</c> (the service root, absolute http or https, no user info),
/// <c>Collection</c> (an entity set or a path below the root such as <c>Runbooks(guid'…')/Instances</c>), optional
/// <c>Filter</c> (<c>$filter</c>), <c>OrderBy</c> (<c>$orderby</c>), <c>Top</c> (1 to <see cref="ODataFeedReader.MaxEntries"/>:
/// one request with <c>$top</c>; without it every page is read), <c>UserName</c>, <c>Password</c> and
/// <c>Domain</c> (text or <c>$RunAs[…]$</c> tokens, replaced at each run; HTTP Basic) and <c>TimeoutSeconds</c> (1 to
/// 3600, default 30, for the whole read). An empty element, as a composite passes an optional value it was not given,
/// means the default.
/// </summary>
public sealed record ODataFeedConfiguration(Uri ServiceUrl, string Collection)
{
    public const int DefaultTimeoutSeconds = 30;

    public string? Filter { get; init; }

    public string? OrderBy { get; init; }

    public int? Top { get; init; }

    /// <summary>The user name as configured (it may hold <c>$RunAs[…]$</c> tokens); null or empty: no credentials are sent.</summary>
    public string? UserName { get; init; }

    public string? Password { get; init; }

    public string? Domain { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(DefaultTimeoutSeconds);

    public static ODataFeedConfiguration Read(ModuleConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration.Required("ServiceUrl");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw configuration.Problem("ServiceUrl", $"'{text}' is not an absolute http or https URL");
        }

        if (url.UserInfo.Length > 0)
        {
            throw configuration.Problem("ServiceUrl", "has a user name in it; give the credentials in UserName and Password");
        }

        if (url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            throw configuration.Problem("ServiceUrl", $"'{text}' has a query or fragment; give the service root only");
        }

        var root = url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
        var collection = configuration.Required("Collection");
        if (collection.StartsWith('/') || collection.Contains("..", StringComparison.Ordinal) || collection.Any(c => c is '?' or '#' or '&' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw configuration.Problem("Collection", $"'{collection}' is not a collection path below the service root (such as Runbooks or Runbooks(guid'…')/Instances)");
        }

        var top = configuration.OptionalInteger("Top");
        if (top is < 1 or > ODataFeedReader.MaxEntries)
        {
            throw configuration.Problem("Top", $"{top} is not between 1 and {ODataFeedReader.MaxEntries}");
        }

        var timeout = configuration.OptionalInteger("TimeoutSeconds") ?? DefaultTimeoutSeconds;
        if (timeout is < 1 or > 3600)
        {
            throw configuration.Problem("TimeoutSeconds", $"{timeout} is not between 1 and 3600");
        }

        return new ODataFeedConfiguration(root, collection)
        {
            Filter = NonEmpty(configuration.Optional("Filter")),
            OrderBy = NonEmpty(configuration.Optional("OrderBy")),
            Top = (int?)top,
            UserName = NonEmpty(configuration.Optional("UserName")),
            Password = configuration.Child("Password")?.Value is { Length: > 0 } password ? password : null,
            Domain = NonEmpty(configuration.Optional("Domain")),
            Timeout = TimeSpan.FromSeconds(timeout),
        };
    }

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
