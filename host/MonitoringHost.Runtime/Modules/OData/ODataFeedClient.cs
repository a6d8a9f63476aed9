using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Xml;
using MonitoringHost.Probes.Http;

namespace MonitoringHost.Runtime.Modules.OData;

/// <summary>
/// Reads an OData v2 collection over HTTP the way Microsoft's own Orchestrator scripts page it: with <c>Top</c>, one
/// request with <c>$top</c>; without, <c>$skip=0&amp;$top=50&amp;$inlinecount=allpages</c>, then <c>$skip=50</c>… until
/// the entries read reach <c>m:count</c>, following a <c>rel="next"</c> link instead when the service gives one, and
/// failing beyond <see cref="ODataFeedReader.MaxEntries"/> entries. One pooled handler serves every read of the process.
/// A read with credentials has a handler of its own, disposed with it, that answers the service's challenge: NTLM when
/// the service offers it (IIS's Windows authentication, the Orchestrator web service's default), else Basic.
/// </summary>
public sealed class ODataFeedClient(HttpMessageInvoker invoker, TimeProvider time)
{
    public const int PageSize = 50;

    private static readonly Lazy<HttpMessageInvoker> SharedInvoker = new(() => new HttpMessageInvoker(Handler(null), disposeHandler: true));

    /// <summary>A client on the process's shared handler.</summary>
    public static ODataFeedClient Shared(TimeProvider time) => new(SharedInvoker.Value, time);

    /// <summary>
    /// Reads every entry <paramref name="configuration"/> selects, within its timeout. <paramref name="connectAddress"/>
    /// gives the address to connect to for a URL's host, or null to resolve the host (the URL, its Host header and TLS
    /// server name stay as they are); <paramref name="credential"/> signs in (null: no credentials are sent).
    /// </summary>
    /// <exception cref="ODataFeedException">An answer other than 200, no answer, an answer that is not an OData feed, or too many entries.</exception>
    public async Task<IReadOnlyList<ODataEntry>> ReadAsync(ODataFeedConfiguration configuration, Func<Uri, string?> connectAddress, NetworkCredential? credential, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(connectAddress);
        using var deadline = new CancellationTokenSource(configuration.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var entries = new List<ODataEntry>();
        var url = PageUrl(configuration, 0);
        using var signIn = new SignIn(credential, configuration.ServiceUrl);
        while (true)
        {
            var page = await GetAsync(url, connectAddress, signIn, configuration.Timeout, linked.Token, cancellationToken).ConfigureAwait(false);
            entries.AddRange(page.Entries);
            if (entries.Count > ODataFeedReader.MaxEntries)
            {
                throw new ODataFeedException(url, 200, $"the collection has more than {ODataFeedReader.MaxEntries} entries; narrow the read with Filter or Top");
            }

            if (configuration.Top is not null || page.Entries.Count == 0)
            {
                return entries;
            }

            if (page.Next is { } next)
            {
                if (Uri.Compare(next, configuration.ServiceUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
                {
                    throw new ODataFeedException(url, 200, $"the next page is on another server ({next.GetLeftPart(UriPartial.Authority)}); it is not read, and no credentials are sent there");
                }

                url = next;
            }
            else if (page.Count is { } count && entries.Count < count)
            {
                url = PageUrl(configuration, entries.Count);
            }
            else
            {
                return entries;
            }
        }
    }

    /// <summary>The URL of the page starting at <paramref name="skip"/> (with <c>Top</c>: the one request).</summary>
    public static Uri PageUrl(ODataFeedConfiguration configuration, int skip)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new List<string>();
        if (configuration.Filter is { } filter)
        {
            options.Add("$filter=" + Uri.EscapeDataString(filter));
        }

        if (configuration.OrderBy is { } orderBy)
        {
            options.Add("$orderby=" + Uri.EscapeDataString(orderBy));
        }

        if (configuration.Top is { } top)
        {
            options.Add("$top=" + top.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            options.Add("$skip=" + skip.ToString(CultureInfo.InvariantCulture));
            options.Add("$top=" + PageSize.ToString(CultureInfo.InvariantCulture));
            options.Add("$inlinecount=allpages");
        }

        return new Uri(configuration.ServiceUrl, configuration.Collection + "?" + string.Join('&', options));
    }

    private async Task<ODataFeedPage> GetAsync(Uri url, Func<Uri, string?> connectAddress, SignIn signIn, TimeSpan timeout, CancellationToken token, CancellationToken callerToken)
    {
        // The Host header given explicitly also names the service for NTLM as it is, where .NET would otherwise look the
        // name up in DNS (a computer added with an address may have no DNS entry).
        using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Host = url.Authority } };
        if (connectAddress(url) is { } address)
        {
            HttpConnections.ConnectTo(request, address);
        }

        request.Headers.Accept.ParseAdd("application/atom+xml");
        request.Headers.Accept.ParseAdd("application/xml");
        request.Headers.TryAddWithoutValidation("DataServiceVersion", "1.0;NetFx");
        request.Headers.TryAddWithoutValidation("MaxDataServiceVersion", "2.0;NetFx");
        try
        {
            using var response = await (signIn.Invoker ?? invoker).SendAsync(request, token).ConfigureAwait(false);
            using var body = await ReadBodyAsync(url, response, token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw Refused(url, response, ODataFeedReader.ErrorMessage(body), signIn);
            }

            try
            {
                return ODataFeedReader.Read(body, url);
            }
            catch (XmlException e)
            {
                throw new ODataFeedException(url, 200, $"the answer is not an OData Atom feed: {e.Message}");
            }
        }
        catch (OperationCanceledException) when (!callerToken.IsCancellationRequested)
        {
            throw new ODataFeedException(url, null, $"no answer within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s") { Unreachable = true };
        }
        catch (HttpRequestException e)
        {
            var unreachable = e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
            var what = e.HttpRequestError switch
            {
                HttpRequestError.ConnectionError => "the connection was refused or failed",
                HttpRequestError.NameResolutionError => $"the name {url.Host} does not resolve",
                _ => "the request failed",
            };
            throw new ODataFeedException(url, null, $"{what}: {e.InnerException?.Message ?? e.Message}") { Unreachable = unreachable };
        }
    }

    private static async Task<MemoryStream> ReadBodyAsync(Uri url, HttpResponseMessage response, CancellationToken token)
    {
        if (response.Content.Headers.ContentLength > ODataFeedReader.MaxAnswerBytes)
        {
            throw new ODataFeedException(url, (int)response.StatusCode, $"the answer is larger than {ODataFeedReader.MaxAnswerBytes} bytes");
        }

        var buffer = new MemoryStream();
        var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, token).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > ODataFeedReader.MaxAnswerBytes)
                {
                    await buffer.DisposeAsync().ConfigureAwait(false);
                    throw new ODataFeedException(url, (int)response.StatusCode, $"the answer is larger than {ODataFeedReader.MaxAnswerBytes} bytes");
                }

                buffer.Write(chunk, 0, read);
            }
        }

        buffer.Position = 0;
        return buffer;
    }

    private static ODataFeedException Refused(Uri url, HttpResponseMessage response, string? message, SignIn signIn)
    {
        var status = (int)response.StatusCode;
        var answered = $"answered {status} {response.ReasonPhrase}";
        var detail = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => Unauthorized(response.Headers.WwwAuthenticate, signIn),
            HttpStatusCode.ServiceUnavailable => "the web service is not running (its IIS application pool or site is stopped)",
            HttpStatusCode.Redirect or HttpStatusCode.MovedPermanently or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect =>
                $"redirected to {response.Headers.Location}; give that URL as ServiceUrl",
            _ => null,
        };
        var parts = new[] { answered, detail, message }.Where(p => !string.IsNullOrEmpty(p));
        return new ODataFeedException(url, status, string.Join(": ", parts));
    }

    private static string Unauthorized(HttpHeaderValueCollection<AuthenticationHeaderValue> offered, SignIn signIn)
    {
        List<string> schemes = [.. offered.Select(o => o.Scheme).Distinct(StringComparer.OrdinalIgnoreCase)];
        var list = schemes.Count > 0 ? string.Join(", ", schemes) : "no scheme";
        if (signIn.Invoker is null)
        {
            return $"the service needs credentials: give UserName and Password (the service offers {list})";
        }

        return schemes.Contains("NTLM", StringComparer.OrdinalIgnoreCase) || schemes.Contains("Basic", StringComparer.OrdinalIgnoreCase)
            ? $"the user name or password was refused (the service offers {list})"
            : $"the service offers only {list} authentication, which this host cannot sign in with; enable the NTLM provider of Windows authentication, or Basic authentication over HTTPS, for the web service in IIS";
    }

    private static SocketsHttpHandler Handler(ICredentials? credentials)
    {
        var handler = HttpConnections.Handler();
        handler.Credentials = credentials;
        return handler;
    }

    /// <summary>
    /// The handler of one read with credentials: the service's 401 decides how they go, with NTLM when it offers NTLM
    /// (IIS's Windows authentication), else with Basic; only to the service's own server, and only when it asks.
    /// </summary>
    private sealed class SignIn : IDisposable
    {
        public SignIn(NetworkCredential? credential, Uri serviceUrl)
        {
            if (credential is not null)
            {
                var root = new Uri(serviceUrl.GetLeftPart(UriPartial.Authority));
                var handler = Handler(new CredentialCache { { root, "NTLM", credential }, { root, "Basic", credential } });
                Invoker = new HttpMessageInvoker(handler, disposeHandler: true);
            }
        }

        /// <summary>The read's own handler, or null: no credentials (the process's shared handler serves the read).</summary>
        public HttpMessageInvoker? Invoker { get; }

        public void Dispose() => Invoker?.Dispose();
    }
}
