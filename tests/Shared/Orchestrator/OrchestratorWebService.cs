using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MonitoringHost.Tests.Shared.Orchestrator;

/// <summary>
/// A System Center Orchestrator web service double on 127.0.0.1 (Kestrel, a free port) that speaks OData v2 AtomPub
/// as WCF Data Services does for <c>/Orchestrator2012/Orchestrator.svc/</c> (the protocol samples' shapes): the
/// service document; the collections Runbooks, Jobs, RunbookInstances and RunbookServers (<c>Jobs()</c> too), key
/// lookups <c>X(guid'…')</c> and the navigations between them (<c>Runbooks(guid'…')/Instances</c>,
/// <c>/Jobs</c>, <c>Jobs(guid'…')/Instances</c>, <c>Jobs(guid'…')/Runbook</c>…); <c>$filter</c>, <c>$orderby</c>,
/// <c>$skip</c>, <c>$top</c>, <c>$inlinecount=allpages</c>, at most 50 entries per page with a <c>rel="next"</c>
/// <c>$skiptoken</c> link when more rows remain and the client gave no <c>$top</c> (or one above the page size, the
/// link then asking for the rest of it); <c>POST /Jobs</c> starts a runbook (201 and the new
/// job, or 400 with the documented messages). Every request needs HTTP Basic credentials (401 offering Negotiate,
/// NTLM and Basic otherwise); a stopped service answers 503 as IIS does with its application pool stopped.
/// </summary>
internal sealed partial class OrchestratorWebService : IAsyncDisposable
{
    public const string DefaultUserName = "CONTOSO\\svc-sco";
    public const string DefaultPassword = "Orch3strator-Test!";
    public const string BasePath = "/Orchestrator2012/Orchestrator.svc/";
    public const string AdministratorSid = "S-1-5-500";
    public const string OperatorSid = "S-1-5-21-1004336348-1177238915-682003330-1107";

    private static readonly XmlReaderSettings ReaderSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    private static readonly string[] Collections =
    [
        "Runbooks", "RunbookParameters", "RunbookServers", "RunbookInstances", "RunbookInstanceParameters", "RunbookDiagrams",
        "Jobs", "Activities", "ActivityInstances", "ActivityInstanceData", "Folders", "Events", "Statistics",
    ];

    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly List<OrchestratorRunbook> _runbooks = [];
    private readonly List<OrchestratorJob> _jobs = [];
    private readonly List<OrchestratorRunbookInstance> _instances = [];
    private readonly List<OrchestratorRunbookServer> _servers = [];
    private readonly ConcurrentQueue<string> _requestLog = new();
    private volatile string _authorization;
    private volatile NtlmAcceptor _ntlm;
    private volatile bool _stopped;
    private int _requests;
    private int _basicAttempts;

    private OrchestratorWebService(WebApplication app, TimeProvider time, string userName, string password)
    {
        _app = app;
        _time = time;
        _authorization = Basic(userName, password);
        _ntlm = Ntlm(userName, password);
        app.Run(HandleAsync);
    }

    /// <summary>The service root, <c>http://127.0.0.1:port/Orchestrator2012/Orchestrator.svc/</c>.</summary>
    public Uri Url { get; private set; } = null!;

    public int Port => Url.Port;

    /// <summary>How long the service waits before it answers.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>
    /// Runs when the service root is requested (what availability and response-time checks ask for), before it is
    /// answered: a test on a fake clock moves the clock there to make the service slow as its probes measure it.
    /// </summary>
    public Action? OnServiceRootRequest { get; set; }

    /// <summary>The server (<c>http://host:port</c>) the next-page links name; null: the one the request was sent to.</summary>
    public string? NextLinkServer { get; set; }

    /// <summary>The offset of the server's local time, in which Orchestrator writes its times (zero unless set).</summary>
    public TimeSpan UtcOffset { get; set; }

    /// <summary>Whether IIS offers Basic authentication; without it only Negotiate and NTLM are offered (and Basic credentials get 401).</summary>
    public bool BasicEnabled { get; set; } = true;

    /// <summary>Whether Windows authentication has its NTLM provider; without it only Negotiate is offered for it (and NTLM tokens get 401).</summary>
    public bool NtlmEnabled { get; set; } = true;

    /// <summary>At most this many entries per page (50, as the Orchestrator web service).</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>Requests answered so far (every status).</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Every request served so far (signed in, or answered 503), as <c>METHOD path?query</c> (the query as sent, still encoded); sign-in challenges are not listed.</summary>
    public IReadOnlyList<string> RequestLog => [.. _requestLog];

    public static async Task<OrchestratorWebService> StartAsync(TimeProvider? time = null, string userName = DefaultUserName, string password = DefaultPassword)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var service = new OrchestratorWebService(builder.Build(), time ?? TimeProvider.System, userName, password);
        await service._app.StartAsync();
        var port = new Uri(service._app.Urls.Single()).Port;
        service.Url = new Uri($"http://127.0.0.1:{port}{BasePath}");
        return service;
    }

    /// <summary>From now on accepts only <paramref name="userName"/> with <paramref name="password"/>.</summary>
    public void Accept(string userName, string password)
    {
        _authorization = Basic(userName, password);
        _ntlm = Ntlm(userName, password);
    }

    /// <summary>Requests that came with Basic credentials (the password in clear), accepted or not.</summary>
    public int BasicAttempts => Volatile.Read(ref _basicAttempts);

    /// <summary>NTLM sign-ins accepted so far (Windows authentication, which IIS offers as Negotiate and NTLM).</summary>
    public int NtlmSignIns => _ntlm.Accepted;

    /// <summary>Stops the service: every request gets 503 until <see cref="Start"/>.</summary>
    public void Stop() => _stopped = true;

    public void Start() => _stopped = false;

    public Guid AddRunbook(string name, string path, bool isMonitor = false, Guid? id = null, string? description = null)
    {
        var now = Now();
        var runbook = new OrchestratorRunbook
        {
            Id = id ?? Guid.NewGuid(),
            Name = name,
            Path = path,
            IsMonitor = isMonitor,
            Description = description,
            CreationTime = now,
            LastModifiedTime = now,
        };
        lock (_lock)
        {
            _runbooks.Add(runbook);
        }

        return runbook.Id;
    }

    public OrchestratorRunbook Runbook(Guid id)
    {
        lock (_lock)
        {
            return _runbooks.Single(r => r.Id == id);
        }
    }

    /// <summary>Checks the runbook out (to <paramref name="sid"/>): it cannot be started until <see cref="CheckIn"/>.</summary>
    public void CheckOut(Guid runbookId, string sid = OperatorSid)
    {
        lock (_lock)
        {
            var runbook = _runbooks.Single(r => r.Id == runbookId);
            runbook.CheckedOutBy = sid;
            runbook.CheckedOutTime = Now();
        }
    }

    public void CheckIn(Guid runbookId)
    {
        lock (_lock)
        {
            var runbook = _runbooks.Single(r => r.Id == runbookId);
            (runbook.CheckedOutBy, runbook.CheckedOutTime, runbook.LastModifiedTime) = (null, null, Now());
        }
    }

    /// <summary>Deletes the runbook (its jobs and instances stay, as history).</summary>
    public bool RemoveRunbook(Guid runbookId)
    {
        lock (_lock)
        {
            return _runbooks.RemoveAll(r => r.Id == runbookId) > 0;
        }
    }

    public Guid AddRunbookServer(string name)
    {
        var server = new OrchestratorRunbookServer(Guid.NewGuid(), name);
        lock (_lock)
        {
            _servers.Add(server);
        }

        return server.Id;
    }

    /// <summary>Starts the runbook as a runbook server would: a <c>Running</c> job with a <c>Running</c> instance (no CompletionTime).</summary>
    public Guid StartJob(Guid runbookId)
    {
        var now = Now();
        lock (_lock)
        {
            if (_runbooks.All(r => r.Id != runbookId))
            {
                throw new InvalidOperationException($"no runbook {runbookId}");
            }

            var job = new OrchestratorJob
            {
                Id = Guid.NewGuid(),
                RunbookId = runbookId,
                Status = "Running",
                RunbookServerId = _servers.FirstOrDefault()?.Id,
                CreationTime = now,
                LastModifiedTime = now,
            };
            _jobs.Add(job);
            Begin(job, now);
            return job.Id;
        }
    }

    /// <summary>A runbook server picks up a <c>Pending</c> job (one started with <c>POST /Jobs</c>): <c>Running</c>, with a <c>Running</c> instance.</summary>
    public Guid RunJob(Guid jobId)
    {
        var now = Now();
        lock (_lock)
        {
            var job = _jobs.Single(j => j.Id == jobId);
            if (job.Status != "Pending")
            {
                throw new InvalidOperationException($"job {jobId} is {job.Status}, not Pending");
            }

            job.RunbookServerId ??= _servers.FirstOrDefault()?.Id;
            (job.Status, job.LastModifiedTime) = ("Running", now);
            return Begin(job, now).Id;
        }
    }

    /// <summary>Ends the job: <c>Completed</c>, its instance <paramref name="status"/> (<c>success</c>, <c>warning</c> or <c>failed</c>) with a CompletionTime.</summary>
    public Guid CompleteJob(Guid jobId, string status)
    {
        if (status is not ("success" or "warning" or "failed"))
        {
            throw new ArgumentException($"'{status}' is not success, warning or failed", nameof(status));
        }

        var now = Now();
        lock (_lock)
        {
            var job = _jobs.Single(j => j.Id == jobId);
            job.RunbookServerId ??= _servers.FirstOrDefault()?.Id;
            var instance = _instances.LastOrDefault(i => i.JobId == jobId) ?? Begin(job, now);
            (instance.Status, instance.CompletionTime) = (status, now);
            (job.Status, job.LastModifiedTime) = ("Completed", now);
            return instance.Id;
        }
    }

    public OrchestratorJob Job(Guid id)
    {
        lock (_lock)
        {
            return _jobs.Single(j => j.Id == id);
        }
    }

    public IReadOnlyList<OrchestratorRunbookInstance> InstancesOf(Guid jobId)
    {
        lock (_lock)
        {
            return [.. _instances.Where(i => i.JobId == jobId)];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private OrchestratorRunbookInstance Begin(OrchestratorJob job, DateTime now)
    {
        var instance = new OrchestratorRunbookInstance
        {
            Id = Guid.NewGuid(),
            RunbookId = job.RunbookId,
            JobId = job.Id,
            RunbookServerId = job.RunbookServerId,
            Status = "Running",
            CreationTime = now,
        };
        _instances.Add(instance);
        return instance;
    }

    private DateTime Now()
    {
        var local = _time.GetUtcNow().ToOffset(UtcOffset).DateTime;
        return new DateTime(local.Ticks - (local.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Unspecified);
    }

    private static NtlmAcceptor Ntlm(string userName, string password) =>
        userName.Split('\\', 2) is [var domain, var user] ? new(domain, user, password) : new("", userName, password);

    private static string Basic(string userName, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}:{password}"));

    private async Task HandleAsync(HttpContext http)
    {
        Interlocked.Increment(ref _requests);
        var logged = $"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}";
        if (_stopped)
        {
            _requestLog.Enqueue(logged);
            await WriteAsync(http, 503, "text/html; charset=us-ascii", "<HTML><HEAD><TITLE>Service Unavailable</TITLE></HEAD><BODY><h2>Service Unavailable</h2><hr><p>HTTP Error 503. The service is unavailable.</p></BODY></HTML>");
            return;
        }

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, http.RequestAborted);
        }

        if (OnServiceRootRequest is { } slow && string.Equals(http.Request.Path.Value, BasePath, StringComparison.OrdinalIgnoreCase))
        {
            slow();
        }

        var authorization = http.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _basicAttempts);
        }

        var signedIn = BasicEnabled && authorization == _authorization;
        if (!signedIn && NtlmEnabled && authorization.StartsWith("NTLM ", StringComparison.Ordinal))
        {
            var (outcome, challenge) = _ntlm.Handle(http.Connection.Id, authorization[5..]);
            if (outcome == NtlmAcceptor.Outcome.Challenge)
            {
                http.Response.Headers.WWWAuthenticate = $"NTLM {challenge}";
                await WriteAsync(http, 401, "text/html", "<h2>401 - Unauthorized: Access is denied due to invalid credentials.</h2>");
                return;
            }

            signedIn = outcome == NtlmAcceptor.Outcome.Accepted;
        }

        if (!signedIn)
        {
            var offered = new List<string> { "Negotiate" };
            if (NtlmEnabled)
            {
                offered.Add("NTLM");
            }

            if (BasicEnabled)
            {
                offered.Add("Basic realm=\"127.0.0.1\"");
            }

            http.Response.Headers.WWWAuthenticate = new([.. offered]);
            await WriteAsync(http, 401, "text/html", "<h2>401 - Unauthorized: Access is denied due to invalid credentials.</h2>");
            return;
        }

        _requestLog.Enqueue(logged);

        var path = http.Request.Path.Value ?? "";
        if (!path.StartsWith(BasePath[..^1], StringComparison.OrdinalIgnoreCase))
        {
            await WriteAsync(http, 404, "text/html", "<h2>404 - File or directory not found.</h2>");
            return;
        }

        var baseUrl = $"http://{http.Request.Host}{BasePath}";
        var resource = path.Length > BasePath.Length ? path[BasePath.Length..] : "";
        http.Response.Headers.CacheControl = "no-cache";
        try
        {
            var (status, document, headers) = http.Request.Method switch
            {
                "GET" => Get(baseUrl, resource, http.Request.Query),
                "POST" when resource == "Jobs" => await StartJobAsync(baseUrl, http),
                _ => throw new ODataTestRequestException(405, $"The method '{http.Request.Method}' is not supported on '{resource}'."),
            };
            foreach (var (name, value) in headers)
            {
                http.Response.Headers[name] = value;
            }

            var contentType = document.Root!.Name.LocalName == "service" ? "application/xml;charset=utf-8" : "application/atom+xml;charset=utf-8";
            await WriteAsync(http, status, contentType, ODataTestAtom.Text(document));
        }
        catch (ODataTestRequestException e)
        {
            http.Response.Headers["DataServiceVersion"] = "1.0;";
            await WriteAsync(http, e.Status, "application/xml;charset=utf-8", ODataTestAtom.Text(ODataTestAtom.Error(e.Message)));
        }
        catch (ODataTestQueryException e)
        {
            http.Response.Headers["DataServiceVersion"] = "1.0;";
            await WriteAsync(http, 400, "application/xml;charset=utf-8", ODataTestAtom.Text(ODataTestAtom.Error(e.Message)));
        }
    }

    private static async Task WriteAsync(HttpContext http, int status, string contentType, string body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = contentType;
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body), http.RequestAborted);
    }

    [GeneratedRegex(@"^(?<set>[A-Za-z]+)(?:\((?<key>[^)]*)\))?(?:/(?<nav>[A-Za-z]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourcePattern();

    [GeneratedRegex(@"^guid'(?<id>[0-9A-Fa-f-]{36})'$", RegexOptions.CultureInvariant)]
    private static partial Regex GuidKey();

    private (int Status, XDocument Document, IReadOnlyList<(string, string)> Headers) Get(string baseUrl, string resource, IQueryCollection query)
    {
        if (resource.Length == 0)
        {
            return (200, ODataTestAtom.ServiceDocument(baseUrl, Collections), [("DataServiceVersion", "1.0;")]);
        }

        var match = ResourcePattern().Match(resource);
        var set = match.Groups["set"].Value;
        if (!match.Success || !Collections.Contains(set))
        {
            throw new ODataTestRequestException(404, $"Resource not found for the segment '{(match.Success ? set : resource.Split('/')[0])}'.");
        }

        var now = _time.GetUtcNow();
        List<ODataTestEntity> all;
        ODataTestEntity? keyed = null;
        lock (_lock)
        {
            all = Entities(set);
            if (match.Groups["key"] is { Success: true, Value.Length: > 0 } keyText)
            {
                var key = GuidKey().Match(keyText.Value) is { Success: true } k ? Guid.Parse(k.Groups["id"].Value) : throw new ODataTestRequestException(400, $"Bad Request - Error in query syntax.");
                keyed = all.FirstOrDefault(e => e.Key == key) ?? throw new ODataTestRequestException(404, $"Resource not found for the segment '{set}'.");
            }
        }

        var nav = match.Groups["nav"] is { Success: true } n ? n.Value : null;
        if (keyed is not null && nav is null)
        {
            return (200, ODataTestAtom.Document(ODataTestAtom.Entry(keyed, baseUrl, now, UtcOffset, root: true)), ETagHeader(keyed));
        }

        var title = set;
        if (nav is not null)
        {
            if (keyed is null || keyed.Links.All(l => l.Name != nav))
            {
                throw new ODataTestRequestException(404, $"Resource not found for the segment '{nav}'.");
            }

            var feed = keyed.Links.Single(l => l.Name == nav).Feed;
            lock (_lock)
            {
                if (!feed)
                {
                    var target = keyed.Property(nav + "Id")?.Value is Guid id ? Entities(EntitySet(nav)).FirstOrDefault(e => e.Key == id) : null;
                    return target is null
                        ? throw new ODataTestRequestException(404, $"Resource not found for the segment '{nav}'.")
                        : (200, ODataTestAtom.Document(ODataTestAtom.Entry(target, baseUrl, now, UtcOffset, root: true)), ETagHeader(target));
                }

                var foreignKey = keyed.Type + "Id";
                all = EntitySet(nav) is var navSet && Collections.Contains(navSet)
                    ? [.. Entities(navSet).Where(e => e.Property(foreignKey)?.Value is Guid g && g == keyed.Key)]
                    : [];
            }

            title = nav;
        }

        return Page(baseUrl, resource, title, all, query, now);
    }

    private (int, XDocument, IReadOnlyList<(string, string)>) Page(string baseUrl, string resource, string title, List<ODataTestEntity> all, IQueryCollection query, DateTimeOffset now)
    {
        var typeName = all.FirstOrDefault()?.Type ?? title.TrimEnd('s');
        var names = all.FirstOrDefault()?.Properties.Select(p => p.Name).ToHashSet() ?? [];
        IEnumerable<ODataTestEntity> rows = all;
        if (query["$filter"].ToString() is { Length: > 0 } filterText)
        {
            var filter = ODataTestQuery.Filter(filterText, typeName, names);
            rows = rows.Where(filter);
        }

        var ordered = rows.ToList();
        var order = query["$orderby"].ToString() is { Length: > 0 } orderText
            ? ODataTestQuery.OrderBy(orderText, typeName, names)
            : (a, b) => string.CompareOrdinal(a.Key.ToString("D"), b.Key.ToString("D"));
        ordered.Sort((a, b) => order(a, b) is var c and not 0 ? c : string.CompareOrdinal(a.Key.ToString("D"), b.Key.ToString("D")));

        var total = ordered.Count;
        var start = 0;
        if (query["$skiptoken"].ToString() is { Length: > 0 } token)
        {
            var key = GuidKey().Match(token) is { Success: true } k ? Guid.Parse(k.Groups["id"].Value) : throw new ODataTestRequestException(400, $"Skip token '{token}' is not valid.");
            start = ordered.FindIndex(e => e.Key == key) + 1;
        }

        start += Count(query, "$skip") ?? 0;
        var top = Count(query, "$top");
        var page = ordered.Skip(start).Take(Math.Min(top ?? PageSize, PageSize)).ToList();
        var inlineCount = query["$inlinecount"].ToString() switch
        {
            "allpages" => true,
            "none" or "" => false,
            var other => throw new ODataTestRequestException(400, $"'{other}' is not a valid value for $inlinecount."),
        };
        string? next = null;
        var remaining = Math.Min(total - start, top ?? int.MaxValue) - page.Count;
        if ((top is null || top > PageSize) && remaining > 0 && page.Count > 0)
        {
            var options = new List<string>();
            if (query["$filter"].ToString() is { Length: > 0 } f)
            {
                options.Add("$filter=" + Uri.EscapeDataString(f));
            }

            if (query["$orderby"].ToString() is { Length: > 0 } o)
            {
                options.Add("$orderby=" + Uri.EscapeDataString(o));
            }

            if (inlineCount)
            {
                options.Add("$inlinecount=allpages");
            }

            if (top is not null)
            {
                options.Add($"$top={remaining.ToString(CultureInfo.InvariantCulture)}");
            }

            options.Add($"$skiptoken=guid'{page[^1].Key:D}'");
            next = $"{NextLinkServer ?? baseUrl[..^BasePath.Length]}{BasePath}{resource}?{string.Join('&', options)}";
        }

        var document = ODataTestAtom.Feed(baseUrl, title, resource.Replace("()", "", StringComparison.Ordinal), page, inlineCount ? total : null, next, now, UtcOffset);
        return (200, document, [("DataServiceVersion", inlineCount ? "2.0;" : "1.0;")]);
    }

    private static int? Count(IQueryCollection query, string name) =>
        query[name].ToString() is not { Length: > 0 } text ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw new ODataTestRequestException(400, $"Invalid value '{text}' for the {name} query option.");

    private static IReadOnlyList<(string, string)> ETagHeader(ODataTestEntity entity) =>
        entity.ETagTime is { } time ? [("ETag", ODataTestAtom.ETag(time)), ("DataServiceVersion", "1.0;")] : [("DataServiceVersion", "1.0;")];

    private static string EntitySet(string navigation) => navigation switch
    {
        "Runbook" => "Runbooks",
        "Job" => "Jobs",
        "RunbookServer" => "RunbookServers",
        "Instances" => "RunbookInstances",
        var other => other,
    };

    private List<ODataTestEntity> Entities(string set) => set switch
    {
        "Runbooks" => [.. _runbooks.Select(OrchestratorEntities.Of)],
        "Jobs" => [.. _jobs.Select(OrchestratorEntities.Of)],
        "RunbookInstances" => [.. _instances.Select(OrchestratorEntities.Of)],
        "RunbookServers" => [.. _servers.Select(s => OrchestratorEntities.Of(s, Now()))],
        _ => [],
    };

    private async Task<(int, XDocument, IReadOnlyList<(string, string)>)> StartJobAsync(string baseUrl, HttpContext http)
    {
        XElement entry;
        try
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            buffer.Position = 0;
            using var reader = XmlReader.Create(buffer, ReaderSettings);
            entry = XDocument.Load(reader).Root!;
        }
        catch (XmlException e)
        {
            throw new ODataTestRequestException(400, $"Error processing request stream. {e.Message}");
        }

        var properties = entry.Element(ODataTestAtom.Atom + "content")?.Element(ODataTestAtom.M + "properties");
        string? Value(string name) => properties?.Element(ODataTestAtom.D + name) is { } p && p.Attribute(ODataTestAtom.M + "null")?.Value != "true" ? p.Value : null;
        var runbookText = Value("RunbookId") ?? "";
        var now = Now();
        OrchestratorJob job;
        lock (_lock)
        {
            var runbook = Guid.TryParse(runbookText, out var runbookId) ? _runbooks.FirstOrDefault(r => r.Id == runbookId) : null;
            if (runbook is null)
            {
                throw new ODataTestRequestException(400, $"RunbookId '{runbookText}' specified does not exist.");
            }

            if (runbook.CheckedOutBy is not null)
            {
                throw new ODataTestRequestException(400, $"The runbook '{runbook.Name} ' cannot be started because it is checked out.");
            }

            var servers = Value("RunbookServers");
            if (servers is not null && servers.Split(',').Any(name => name.Trim().Length == 0 || _servers.All(s => !string.Equals(s.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))))
            {
                throw new ODataTestRequestException(400, "Specified runbook server name is either empty or does not exist.");
            }

            job = new OrchestratorJob
            {
                Id = Guid.NewGuid(),
                RunbookId = runbook.Id,
                Parameters = Value("Parameters"),
                RunbookServers = servers,
                Status = "Pending",
                CreationTime = now,
                LastModifiedTime = now,
            };
            _jobs.Add(job);
        }

        var entity = OrchestratorEntities.Of(job);
        return (201, ODataTestAtom.Document(ODataTestAtom.Entry(entity, baseUrl, _time.GetUtcNow(), UtcOffset, root: true)),
            [("Location", baseUrl + entity.KeyPath), ("ETag", ODataTestAtom.ETag(job.LastModifiedTime)), ("DataServiceVersion", "1.0;")]);
    }
}
