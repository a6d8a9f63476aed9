using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;

namespace MonitoringHost.Probes.Http;

/// <summary>
/// Requests a URL and reports the answer: status code, response time, whether the content matches, the server's
/// certificate. One instance serves every check of a process: its handler pools connections per server. Failures
/// are results (<see cref="HttpCheckStatus"/>); only the caller's own cancellation throws.
/// </summary>
public sealed class HttpCheck : IDisposable
{
    private readonly TimeProvider _time;
    private readonly ServerCertificates _certificates = new();
    private readonly HttpMessageInvoker _invoker;

    public HttpCheck(TimeProvider time)
    {
        _time = time;
        // Redirects are followed here, one request at a time, so that a check can count them, refuse them per request,
        // and keep one handler for checks that follow and checks that do not. A renewed certificate is seen at the
        // latest when the connection it was read on is replaced (after 5 minutes).
        var handler = HttpConnections.Handler();
        handler.PlaintextStreamFilter = _certificates.Record;
#pragma warning disable CA5359 // A check reports a bad certificate instead of failing on it; it sends no credentials and no body.
        handler.SslOptions.RemoteCertificateValidationCallback = _certificates.Validate;
#pragma warning restore CA5359
        _invoker = new HttpMessageInvoker(handler, disposeHandler: true);
    }

    public async Task<HttpCheckResult> CheckAsync(HttpCheckRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Url.IsAbsoluteUri || (request.Url.Scheme != Uri.UriSchemeHttp && request.Url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'{request.Url}' is not an absolute http or https URL", nameof(request));
        }

        using var deadline = new CancellationTokenSource(request.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var exchange = new Exchange(request, _time.GetTimestamp());
        try
        {
            return await RunAsync(exchange, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Finish(exchange, HttpCheckStatus.TimedOut, $"{exchange.Url} did not answer within {request.Timeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException e)
        {
            return Finish(exchange, Classify(e.HttpRequestError), $"{exchange.Url}: {Describe(e)}");
        }
        catch (IOException e)
        {
            return Finish(exchange, HttpCheckStatus.ProtocolError, $"{exchange.Url}: reading the response failed: {e.Message}");
        }
        catch (RegexMatchTimeoutException e)
        {
            return Finish(exchange, HttpCheckStatus.ContentMatchFailed, $"matching the content of {exchange.Url} against '{e.Pattern}' took longer than {e.MatchTimeout.TotalSeconds:0.###} s");
        }
    }

    public void Dispose() => _invoker.Dispose();

    private async Task<HttpCheckResult> RunAsync(Exchange exchange, CancellationToken cancellationToken)
    {
        var request = exchange.Request;
        while (true)
        {
            using var message = new HttpRequestMessage(exchange.Method, exchange.Url);
            message.Headers.UserAgent.ParseAdd("MonitoringHost-HttpCheck/1.0");
            if (request.ConnectAddress is { } address && string.Equals(exchange.Url.Host, request.Url.Host, StringComparison.OrdinalIgnoreCase))
            {
                HttpConnections.ConnectTo(message, address);
            }

            using var response = await _invoker.SendAsync(message, cancellationToken).ConfigureAwait(false);
            exchange.StatusCode = (int)response.StatusCode;
            if (RedirectTarget(exchange.Url, response) is { } target && request.FollowRedirects)
            {
                if (exchange.Redirects == request.MaxRedirects)
                {
                    return Finish(exchange, HttpCheckStatus.RedirectRefused, $"more than {request.MaxRedirects} redirects, the last to {target}");
                }

                if (exchange.Url.Scheme == Uri.UriSchemeHttps && target.Scheme == Uri.UriSchemeHttp)
                {
                    return Finish(exchange, HttpCheckStatus.RedirectRefused, $"{exchange.Url} redirects from HTTPS to plain HTTP ({target})");
                }

                exchange.Redirects++;
                exchange.Method = MethodAfterRedirect(exchange.Method, response.StatusCode);
                exchange.Url = target;
                continue;
            }

            if (exchange.Method != HttpMethod.Head)
            {
                await HttpContentReader.ReadAsync(response.Content, request, exchange, cancellationToken).ConfigureAwait(false);
            }

            return Finish(exchange, HttpCheckStatus.Responded, null);
        }
    }

    private HttpCheckResult Finish(Exchange exchange, HttpCheckStatus status, string? message)
    {
        var certificate = exchange.Url.Scheme == Uri.UriSchemeHttps ? _certificates.For(exchange.Url) : null;
        return new HttpCheckResult(
            exchange.Request.Url,
            exchange.Request.Method.Method,
            status,
            exchange.Url,
            status == HttpCheckStatus.Responded || status == HttpCheckStatus.RedirectRefused || status == HttpCheckStatus.ContentMatchFailed ? exchange.StatusCode : 0,
            _time.GetElapsedTime(exchange.Started),
            exchange.ContentBytes,
            exchange.ContentMatched,
            exchange.Redirects,
            certificate,
            certificate?.DaysUntilExpiry(_time.GetUtcNow()),
            message);
    }

    private static Uri? RedirectTarget(Uri current, HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect
        && response.Headers.Location is { } location
            ? location.IsAbsoluteUri ? location : new Uri(current, location)
            : null;

    // What browsers and HttpClient do: 303 asks for a GET, and 301/302 turn a POST into a GET; 307/308 keep the method.
    private static HttpMethod MethodAfterRedirect(HttpMethod method, HttpStatusCode status) =>
        method == HttpMethod.Head ? method
        : status == HttpStatusCode.SeeOther || (method == HttpMethod.Post && status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found) ? HttpMethod.Get
        : method;

    private static HttpCheckStatus Classify(HttpRequestError error) => error switch
    {
        HttpRequestError.NameResolutionError => HttpCheckStatus.NameResolutionFailed,
        HttpRequestError.ConnectionError or HttpRequestError.ProxyTunnelError => HttpCheckStatus.ConnectionFailed,
        HttpRequestError.SecureConnectionError => HttpCheckStatus.SecureConnectionFailed,
        _ => HttpCheckStatus.ProtocolError,
    };

    // The outer message is often generic ("An error occurred while sending the request"); the inner one says what.
    private static string Describe(HttpRequestException e) =>
        e.InnerException is { } inner && inner.Message != e.Message ? $"{e.Message} {inner.Message}" : e.Message;
}
