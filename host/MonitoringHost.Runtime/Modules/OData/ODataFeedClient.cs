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
/// Credentials go with HTTP Basic; when the service offers only Windows authentication (Negotiate, NTLM: IIS's default
/// for the Orchestrator web service), the read goes on with NTLM over a handler of its own, disposed with the read.
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
        using var signIn = new SignIn(credential);
        while (true)
        {
            ODataFeedPage page;
            try
            {
                page = await GetAsync(url, connectAddress, signIn, configuration.Timeout, linked.Token, cancellationToken).ConfigureAwait(false);
            }
            catch (ODataFeedException e) when (e.OffersOnlyWindowsAuthentication && signIn.CanUseNtlm)
            {
                signIn.UseNtlm(configuration.ServiceUrl);
                continue;
            }

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
        if (signIn.Ntlm is null && signIn.BasicHeader is { } basic)
        {
            request.Headers.TryAddWithoutValidation("Authorization", basic);
        }

        try
        {
            using var response = await (signIn.Ntlm ?? invoker).SendAsync(request, token).ConfigureAwait(false);
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
        return new ODataFeedException(url, status, string.Join(": ", parts))
        {
            OffersOnlyWindowsAuthentication = response.StatusCode == HttpStatusCode.Unauthorized && OnlyWindows(Schemes(response.Headers.WwwAuthenticate)),
        };
    }

    private static List<string> Schemes(HttpHeaderValueCollection<AuthenticationHeaderValue> offered) =>
        [.. offered.Select(o => o.Scheme).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static bool OnlyWindows(List<string> schemes) =>
        !schemes.Contains("Basic", StringComparer.OrdinalIgnoreCase)
        && (schemes.Contains("NTLM", StringComparer.OrdinalIgnoreCase) || schemes.Contains("Negotiate", StringComparer.OrdinalIgnoreCase));

    private static string Unauthorized(HttpHeaderValueCollection<AuthenticationHeaderValue> offered, SignIn signIn)
    {
        var schemes = Schemes(offered);
        var list = schemes.Count > 0 ? string.Join(", ", schemes) : "no scheme";
        if (!signIn.HasCredential)
        {
            return $"the service needs credentials: give UserName and Password (the service offers {list})";
        }

        if (signIn.Ntlm is not null)
        {
            return $"the user name or password was refused with NTLM (the service offers {list})";
        }

        return schemes.Contains("Basic", StringComparer.OrdinalIgnoreCase) || OnlyWindows(schemes)
            ? $"the user name or password was refused (the service offers {list})"
            : $"the service offers only {list} authentication, which this host cannot sign in with; enable Basic (over HTTPS) or Windows authentication for the web service in IIS";
    }

    private static SocketsHttpHandler Handler(ICredentials? credentials)
    {
        var handler = HttpConnections.Handler();
        handler.Credentials = credentials;
        return handler;
    }

    /// <summary>
    /// How one read signs in: HTTP Basic with the credential (sent with every request), until the service turns out to
    /// offer only Windows authentication; then NTLM, over a handler of this read's own (NTLM signs in a connection).
    /// </summary>
    private sealed class SignIn(NetworkCredential? credential) : IDisposable
    {
        public bool HasCredential => credential is not null;

        public string? BasicHeader { get; } = credential is null || credential.UserName.Length == 0
            ? null
            : "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(
                $"{(credential.Domain.Length > 0 ? $"{credential.Domain}\\" : "")}{credential.UserName}:{credential.Password}"));

        public HttpMessageInvoker? Ntlm { get; private set; }

        public bool CanUseNtlm => credential is not null && Ntlm is null;

        public void UseNtlm(Uri serviceUrl)
        {
            var root = new Uri(serviceUrl.GetLeftPart(UriPartial.Authority));
            Ntlm = new HttpMessageInvoker(Handler(new CredentialCache { { root, "NTLM", credential! } }), disposeHandler: true);
        }

        public void Dispose() => Ntlm?.Dispose();
    }
}
