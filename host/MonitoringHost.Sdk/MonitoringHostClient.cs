using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using MonitoringHost.Sdk.Contracts;

namespace MonitoringHost.Sdk;

/// <summary>
/// A typed client of a management server's REST API (<c>/api/v1</c>, API.md). Every call is async, takes a
/// <see cref="CancellationToken"/> and either returns what the server answered or throws
/// <see cref="MonitoringHostApiException"/> (the server refused: status and problem document) or
/// <see cref="MonitoringHostUnreachableException"/> (no answer).
/// </summary>
public sealed partial class MonitoringHostClient : IDisposable
{
    /// <summary>The address <c>mh serve</c> listens on by default.</summary>
    public static readonly Uri DefaultServer = new("http://127.0.0.1:5080/");

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly string _apiKey;

    /// <summary>A client of the server at <paramref name="server"/>, calling it with <paramref name="apiKey"/>.</summary>
    /// <param name="server">The server's base address (<c>http://127.0.0.1:5080</c>).</param>
    /// <param name="apiKey">An API key (<c>mh keys create</c>).</param>
    /// <param name="http">An HttpClient to use (not disposed with this client); a new one with a 100 s timeout when null.</param>
    public MonitoringHostClient(Uri server, string apiKey, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        Server = server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");
        _apiKey = apiKey;
        _ownsHttp = http is null;
        _http = http ?? new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
    }

    /// <summary>The server's base address.</summary>
    public Uri Server { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    /// <summary>Walks a paged list from its first page to its last, one page at a time.</summary>
    private static async IAsyncEnumerable<T> WalkAsync<T>(Func<string?, CancellationToken, Task<ListPage<T>>> page, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? cursor = null;
        do
        {
            var current = await page(cursor, cancellationToken).ConfigureAwait(false);
            foreach (var item in current.Items)
            {
                yield return item;
            }

            cursor = current.NextCursor;
        }
        while (cursor is not null);
    }

    /// <summary>A path with its query: parameters whose value is null are left out; values are escaped.</summary>
    private static string Query(string path, params (string Name, object? Value)[] parameters)
    {
        var text = new StringBuilder(path);
        var separator = '?';
        foreach (var (name, value) in parameters)
        {
            var formatted = value switch
            {
                null => null,
                bool flag => flag ? "true" : "false",
                DateTimeOffset time => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
            if (formatted is not null)
            {
                text.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(formatted));
                separator = '&';
            }
        }

        return text.ToString();
    }

    private static JsonContent Json<T>(T body) => JsonContent.Create(body, options: MonitoringHostJson.Options);

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private Task<T> GetAsync<T>(string path, CancellationToken cancellationToken) => SendAsync<T>(HttpMethod.Get, path, null, cancellationToken);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, content, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<T>(MonitoringHostJson.Tolerant, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"the server answered {response.RequestMessage?.RequestUri} with an empty body");

    /// <summary>
    /// Sends a request with the key; a refusal becomes <see cref="MonitoringHostApiException"/>, no answer
    /// <see cref="MonitoringHostUnreachableException"/>. A <paramref name="stream"/> request returns once the headers
    /// are in, its body still to be read.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken, string? ifMatch = null, string? accept = null,
        string? lastEventId = null, bool stream = false)
    {
        using var request = new HttpRequestMessage(method, new Uri(Server, "api/v1/" + path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept ?? "application/json"));
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (lastEventId is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, stream ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (e.StatusCode is null)
        {
            throw new MonitoringHostUnreachableException(Server, e.Message, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MonitoringHostUnreachableException(Server, $"no answer within {_http.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s", e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw new MonitoringHostApiException(response.StatusCode, await ProblemAsync(response, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>The problem document of a refusal; a body that is not one is kept as the detail.</summary>
    private static async Task<Problem> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                if (JsonSerializer.Deserialize<Problem>(text, MonitoringHostJson.Tolerant) is { } problem)
                {
                    return problem;
                }
            }
            catch (JsonException)
            {
                // Not a problem document (a proxy's error page, say): the text itself is the detail below.
            }
        }

        return new Problem(response.ReasonPhrase ?? response.StatusCode.ToString(), (int)response.StatusCode, text.Length == 0 ? null : text);
    }
}
