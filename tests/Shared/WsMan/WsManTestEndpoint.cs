using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MonitoringHost.Probes.WsMan;

namespace MonitoringHost.Tests.Shared.WsMan;

/// <summary>
/// A WinRM service double on 127.0.0.1 (Kestrel, a free port) that speaks WS-Management as Windows does: Basic
/// authentication (401 with <c>WWW-Authenticate</c> otherwise), WS-Transfer Get, Enumerate / Pull / Release with
/// contexts renewed on every page and MaxElements honoured, WQL <c>SELECT *</c> and projections with equality filters, and SOAP faults
/// with HTTP 500. It serves Win32_OperatingSystem (a singleton) and Win32_Service from a list tests change.
/// </summary>
internal sealed class WsManTestEndpoint : IAsyncDisposable
{
    public const string DefaultUserName = "CONTOSO\\svc-monitor";
    public const string DefaultPassword = "Wsm4n-Test!";
    public const string ComputerName = "SCO-TEST01";

    private static readonly XmlReaderSettings ReaderSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
    private static readonly string[] Languages = ["en-US", "de-DE"];
    private readonly WebApplication _app;
    private volatile string _authorization;
    private readonly ConcurrentDictionary<string, Queue<XElement>> _contexts = new();
    private readonly Lock _servicesLock = new();
    private readonly Lock _eventsLock = new();
    private readonly List<TestEventLogEntry> _events = [];
    private List<TestWindowsService> _services;
    private int _enumerations;
    private int _pulls;
    private int _releases;

    private WsManTestEndpoint(WebApplication app, string userName, string password)
    {
        _app = app;
        _authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}:{password}"));
        _services = DefaultServices();
        app.MapPost("/wsman", HandleAsync);
    }

    public Uri Url { get; private set; } = null!;

    public int Port => Url.Port;

    /// <summary>How long the endpoint waits before it answers (after the request is read).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>How the next answers are spoilt, to test the client's handling of broken servers.</summary>
    public AnswerDamage Damage { get; set; }

    /// <summary>A user whose password is right but who may not use WMI: answered with an AccessDenied fault.</summary>
    public (string UserName, string Password)? DeniedUser { get; set; }

    /// <summary>Enumeration contexts the endpoint still holds (not pulled to the end, not released).</summary>
    public int OpenContexts => _contexts.Count;

    public int Enumerations => Volatile.Read(ref _enumerations);

    /// <summary>
    /// The files CIM_DataFile serves (full paths, e.g. <c>C:\Program Files\App\app.exe</c>); none unless a test
    /// adds them.
    /// </summary>
    public IReadOnlyList<string> Files { get; set; } = [];

    /// <summary>The events Win32_NTLogEvent serves; none unless a test logs them with <see cref="Log"/>.</summary>
    public IReadOnlyList<TestEventLogEntry> Events
    {
        get { lock (_eventsLock) { return [.. _events]; } }
    }

    /// <summary>Win32_PerfFormattedData_PerfOS_Memory's AvailableMBytes, the performance value the endpoint serves (tests set it).</summary>
    public long AvailableMBytes { get; set; } = 4096;

    public int Pulls => Volatile.Read(ref _pulls);

    public int Releases => Volatile.Read(ref _releases);

    /// <summary>Starts the endpoint over HTTP, or over HTTPS with <paramref name="certificate"/>.</summary>
    public static async Task<WsManTestEndpoint> StartAsync(string userName = DefaultUserName, string password = DefaultPassword, X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        var endpoint = new WsManTestEndpoint(builder.Build(), userName, password);
        await endpoint._app.StartAsync();
        var port = new Uri(endpoint._app.Urls.Single()).Port;
        endpoint.Url = new Uri($"{(certificate is null ? "http" : "https")}://127.0.0.1:{port}/wsman");
        return endpoint;
    }

    public WsManTarget Target(string? userName = null, string? password = null) =>
        new("127.0.0.1", userName ?? DefaultUserName, password ?? DefaultPassword) { Port = Port, UseHttps = Url.Scheme == Uri.UriSchemeHttps };

    /// <summary>From now on accepts only <paramref name="userName"/> with <paramref name="password"/> (a password changed on the computer).</summary>
    public void Accept(string userName, string password) =>
        _authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}:{password}"));

    public TestWindowsService Service(string name)
    {
        lock (_servicesLock)
        {
            return _services.Single(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        }
    }

    public IReadOnlyList<TestWindowsService> Services
    {
        get { lock (_servicesLock) { return [.. _services]; } }
        set { lock (_servicesLock) { _services = [.. value]; } }
    }

    /// <summary>Writes an event to <paramref name="logfile"/> with the log's next record number.</summary>
    public TestEventLogEntry Log(string logfile, int eventCode, string sourceName, int eventType, DateTimeOffset timeGenerated, string message)
    {
        lock (_eventsLock)
        {
            var entry = new TestEventLogEntry(logfile, _events.Count(e => string.Equals(e.Logfile, logfile, StringComparison.OrdinalIgnoreCase)) + 1, eventCode, sourceName, eventType, timeGenerated, message);
            _events.Add(entry);
            return entry;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The System Center services of the protocol samples; omonitor is stopped.</summary>
    public static List<TestWindowsService> DefaultServices()
    {
        var monitor = new TestWindowsService("omonitor", "Orchestrator Runbook Server Monitor", 0);
        monitor.Stop();
        return
        [
            new("WinRM", "Windows Remote Management (WS-Management)", 1188),
            new("omanagement", "Orchestrator Management Service", 2764),
            new("oremoting", "Orchestrator Remoting Service", 2812),
            monitor,
            new("orunbook", "Orchestrator Runbook Service", 3120),
            new("HealthService", "Microsoft Monitoring Agent", 3344),
            new("OMSDK", "System Center Data Access Service", 3412),
            new("cshost", "System Center Management Configuration", 3460, "Manual"),
        ];
    }

    private async Task HandleAsync(HttpContext http)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        var denied = DeniedUser is { } d && authorization == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{d.UserName}:{d.Password}"));
        if (authorization != _authorization && !denied)
        {
            http.Response.StatusCode = 401;
            http.Response.Headers.WWWAuthenticate = new(["Negotiate", "Basic realm=\"WSMAN\""]);
            return;
        }

        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        buffer.Position = 0;
        XElement request;
        using (var reader = XmlReader.Create(buffer, ReaderSettings))
        {
            request = XDocument.Load(reader).Root!;
        }

        var header = request.Element(WsManNames.Soap + "Header")!;
        var timeout = XmlConvert.ToTimeSpan(header.Element(WsManNames.WsMan + "OperationTimeout")?.Value ?? "PT60S");
        var (status, answer) = denied
            ? (500, WsManTestXml.Fault(request, "http://schemas.dmtf.org/wbem/wsman/1/wsman/fault", "w:AccessDenied", "Access is denied. ", 5, ComputerName))
            : Answer(request, header);
        if (Delay > TimeSpan.Zero)
        {
            // Windows gives up at the request's OperationTimeout and says so with a TimedOut fault.
            await Task.Delay(Delay < timeout ? Delay : timeout, http.RequestAborted);
            if (Delay >= timeout)
            {
                (status, answer) = (500, WsManTestXml.Fault(request, "http://schemas.dmtf.org/wbem/wsman/1/wsman/fault", "w:TimedOut", "The WS-Management service cannot complete the operation within the time specified in OperationTimeout. ", WsManTestXml.TimedOut, ComputerName));
            }
        }

        var text = answer.Declaration + answer.ToString(SaveOptions.DisableFormatting);
        text = Damage switch
        {
            AnswerDamage.Truncated => text[..(text.Length / 2)],
            AnswerDamage.DocumentTypeDeclaration => text.Replace("<s:Envelope", "<!DOCTYPE s:Envelope [<!ENTITY x \"y\">]><s:Envelope", StringComparison.Ordinal),
            _ => text,
        };
        http.Response.StatusCode = status;
        http.Response.ContentType = WsManNames.ContentType;
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), http.RequestAborted);
    }

    private (int Status, XDocument Answer) Answer(XElement request, XElement header)
    {
        var action = header.Element(WsManNames.Addressing + "Action")?.Value;
        var resourceUri = header.Element(WsManNames.WsMan + "ResourceURI")?.Value ?? "";
        var body = request.Element(WsManNames.Soap + "Body")!;

        // The addressing checks Windows makes before it looks at the operation (MS-WSMV 3.1.4.1).
        if (string.IsNullOrWhiteSpace(header.Element(WsManNames.Addressing + "MessageID")?.Value))
        {
            return (500, WsManTestXml.Fault(request, "http://schemas.xmlsoap.org/ws/2004/08/addressing/fault", "a:InvalidMessageInformationHeader", "The WS-Management service cannot process the request because the header of the message is not valid: MessageID is missing. ", 2150858761, ComputerName));
        }

        if (header.Element(WsManNames.Addressing + "ReplyTo")?.Element(WsManNames.Addressing + "Address")?.Value != WsManNames.Anonymous)
        {
            return (500, WsManTestXml.Fault(request, "http://schemas.dmtf.org/wbem/wsman/1/wsman/fault", "w:UnsupportedFeature", "The WS-Management service does not support the ReplyTo address in the request. ", 2150858774, ComputerName));
        }

        if (!int.TryParse(header.Element(WsManNames.WsMan + "MaxEnvelopeSize")?.Value, CultureInfo.InvariantCulture, out var maxEnvelope) || maxEnvelope < 8192)
        {
            return (500, WsManTestXml.Fault(request, "http://schemas.dmtf.org/wbem/wsman/1/wsman/fault", "w:EncodingLimit", "The WS-Management service cannot process the request because the MaxEnvelopeSize is missing or below 8192. ", 2150858813, ComputerName));
        }

        const string prefix = WsManNames.WmiResourcePrefix + "root/cimv2/";
        var className = resourceUri.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? resourceUri[prefix.Length..] : null;
        switch (action)
        {
            case WsManNames.Get:
                var selectors = header.Element(WsManNames.WsMan + "SelectorSet")?.Elements(WsManNames.WsMan + "Selector")
                    .ToDictionary(s => (string)s.Attribute("Name")!, s => s.Value, StringComparer.OrdinalIgnoreCase) ?? [];
                return Get(request, className, selectors);
            case WsManNames.Enumerate:
                Interlocked.Increment(ref _enumerations);
                return Enumerate(request, className, body.Element(WsManNames.Enumeration + "Enumerate")!);
            case WsManNames.Pull:
                Interlocked.Increment(ref _pulls);
                var pull = body.Element(WsManNames.Enumeration + "Pull")!;
                if (!_contexts.TryRemove(pull.Element(WsManNames.Enumeration + "EnumerationContext")?.Value ?? "", out var remaining))
                {
                    return InvalidContext(request);
                }

                var page = Page(remaining, pull.Element(WsManNames.Enumeration + "MaxElements"));
                var context = remaining.Count > 0 ? Keep(remaining) : null;
                return (200, WsManTestXml.Envelope(
                    WsManNames.Pull + "Response",
                    request,
                    new XElement(
                        WsManNames.Enumeration + "PullResponse",
                        context is null ? null : new XElement(WsManNames.Enumeration + "EnumerationContext", context),
                        new XElement(WsManNames.Enumeration + "Items", page),
                        context is null ? new XElement(WsManNames.Enumeration + "EndOfSequence") : null)));
            case WsManNames.Release:
                Interlocked.Increment(ref _releases);
                var released = body.Element(WsManNames.Enumeration + "Release")?.Element(WsManNames.Enumeration + "EnumerationContext")?.Value ?? "";
                return _contexts.TryRemove(released, out _)
                    ? (200, WsManTestXml.Envelope(WsManNames.Release + "Response", request))
                    : InvalidContext(request);
            default:
                return (500, WsManTestXml.Fault(request, "http://schemas.xmlsoap.org/ws/2004/08/addressing/fault", "a:ActionNotSupported", $"The action {action} is not supported by the service. ", 2150858757, ComputerName));
        }
    }

    private (int, XDocument) Get(XElement request, string? className, Dictionary<string, string> selectors)
    {
        XElement? instance = null;
        if (className == "Win32_OperatingSystem")
        {
            instance = WsManTestXml.Instance(className, OperatingSystem());
        }
        else if (className == "Win32_Service")
        {
            if (selectors.Count != 1 || !selectors.TryGetValue("Name", out var name))
            {
                return (500, WsManTestXml.Fault(request, "http://schemas.dmtf.org/wbem/wsman/1/wsman/fault", "w:InvalidSelectors", "The WS-Management service cannot process the request because the request contained invalid selectors for the resource. ", WsManTestXml.InvalidSelectors, ComputerName));
            }

            var service = Services.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
            instance = service is null ? null : WsManTestXml.Instance("Win32_Service", service.Properties(ComputerName));
        }

        return instance is null
            ? NotFound(request)
            : (200, WsManTestXml.Envelope(WsManNames.Get + "Response", request, instance));
    }

    private (int, XDocument) Enumerate(XElement request, string? className, XElement enumerate)
    {
        var filter = enumerate.Element(WsManNames.WsMan + "Filter");
        List<XElement>? instances;
        if (className == "*" && filter is not null && (string?)filter.Attribute("Dialect") == WsManNames.WqlDialect)
        {
            var select = WqlSelect.Parse(filter.Value);
            instances = select is null ? null : Instances(select.ClassName, select);
            if (instances is null)
            {
                var problem = select is null ? "The query is not valid. " : "The specified class does not exist in the given namespace. ";
                return (500, WsManTestXml.Fault(request, "http://schemas.xmlsoap.org/ws/2004/09/enumeration/fault", "n:CannotProcessFilter", "The data source could not process the filter. The filter might be missing or it might be invalid. Change the filter and try the request again. ", WsManTestXml.CannotProcessFilter, ComputerName, problem));
            }
        }
        else
        {
            instances = className is null ? null : Instances(className, null);
            if (instances is null)
            {
                return NotFound(request);
            }
        }

        var remaining = new Queue<XElement>(instances);
        if (enumerate.Element(WsManNames.WsMan + "OptimizeEnumeration") is null)
        {
            return (200, WsManTestXml.Envelope(WsManNames.Enumerate + "Response", request, new XElement(WsManNames.Enumeration + "EnumerateResponse", new XElement(WsManNames.Enumeration + "EnumerationContext", Keep(remaining)))));
        }

        var page = Page(remaining, enumerate.Element(WsManNames.WsMan + "MaxElements"));
        var context = remaining.Count > 0 ? Keep(remaining) : "";
        return (200, WsManTestXml.Envelope(
            WsManNames.Enumerate + "Response",
            request,
            new XElement(
                WsManNames.Enumeration + "EnumerateResponse",
                new XElement(WsManNames.Enumeration + "EnumerationContext", context),
                new XElement(WsManNames.WsMan + "Items", page),
                context.Length == 0 ? new XElement(WsManNames.WsMan + "EndOfSequence") : null)));
    }

    private List<XElement>? Instances(string className, WqlSelect? select)
    {
        IEnumerable<IReadOnlyList<KeyValuePair<string, object?>>>? all = className.ToUpperInvariant() switch
        {
            "WIN32_SERVICE" => ServiceProperties(),
            "WIN32_OPERATINGSYSTEM" => [OperatingSystem()],
            "WIN32_PERFFORMATTEDDATA_PERFOS_MEMORY" => [Memory()],
            "WIN32_NTLOGEVENT" => Events.Select(e => e.Properties(ComputerName)),
            "CIM_DATAFILE" => Files.Select(DataFile),
            _ => null,
        };
        var canonical = className.ToUpperInvariant() switch
        {
            "WIN32_SERVICE" => "Win32_Service",
            "WIN32_OPERATINGSYSTEM" => "Win32_OperatingSystem",
            "WIN32_NTLOGEVENT" => "Win32_NTLogEvent",
            "CIM_DATAFILE" => "CIM_DataFile",
            _ => "Win32_PerfFormattedData_PerfOS_Memory",
        };
        return all?.Where(p => select is null || select.Matches(p))
            .Select(p => select?.Properties is null ? WsManTestXml.Instance(canonical, p) : WsManTestXml.Fragment(select.Project(p)))
            .ToList();
    }

    private IEnumerable<IReadOnlyList<KeyValuePair<string, object?>>> ServiceProperties() => Services.Select(s => s.Properties(ComputerName));

    private static List<XElement> Page(Queue<XElement> remaining, XElement? maxElements)
    {
        var count = maxElements is null ? 1 : int.Parse(maxElements.Value, CultureInfo.InvariantCulture);
        var page = new List<XElement>();
        while (page.Count < count && remaining.TryDequeue(out var item))
        {
            page.Add(item);
        }

        return page;
    }

    private string Keep(Queue<XElement> remaining)
    {
        var context = "uuid:" + Guid.NewGuid().ToString("D").ToUpperInvariant();
        _contexts[context] = remaining;
        return context;
    }

    private static (int, XDocument) NotFound(XElement request) =>
        (500, WsManTestXml.Fault(request, "http://schemas.xmlsoap.org/ws/2004/08/addressing/fault", "a:DestinationUnreachable", "The WS-Management service cannot process the request. The service cannot find the resource identified by the resource URI and selectors. ", WsManTestXml.ResourceNotFound, ComputerName, faultDetail: "http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/InvalidResourceURI"));

    private static (int, XDocument) InvalidContext(XElement request) =>
        (500, WsManTestXml.Fault(request, "http://schemas.xmlsoap.org/ws/2004/09/enumeration/fault", "n:InvalidEnumerationContext", "The enumeration context supplied in the message is not valid. ", WsManTestXml.InvalidEnumerationContext, ComputerName));

    /// <summary>A file as CIM_DataFile has it: Name is the full path in lower case, as WMI keeps it.</summary>
    private static IReadOnlyList<KeyValuePair<string, object?>> DataFile(string path) =>
    [
        new("Drive", path[..2].ToLowerInvariant()),
        new("Extension", Path.GetExtension(path.Replace('\\', '/')).TrimStart('.').ToLowerInvariant()),
        new("FileName", Path.GetFileNameWithoutExtension(path.Replace('\\', '/')).ToLowerInvariant()),
        new("Name", path.ToLowerInvariant()),
    ];

    private IReadOnlyList<KeyValuePair<string, object?>> Memory() =>
    [
        new("AvailableBytes", AvailableMBytes * 1024 * 1024),
        new("AvailableMBytes", AvailableMBytes),
        new("CommittedBytes", 6442450944UL),
        new("Name", null),
        new("PagesPersec", 12),
    ];

    private static IReadOnlyList<KeyValuePair<string, object?>> OperatingSystem() =>
    [
        new("BootDevice", "\\Device\\HarddiskVolume1"),
        new("BuildNumber", "20348"),
        new("Caption", "Microsoft Windows Server 2022 Standard"),
        new("CSDVersion", null),
        new("CSName", ComputerName),
        new("CurrentTimeZone", 60),
        new("Description", ""),
        new("FreePhysicalMemory", 5242880UL),
        new("InstallDate", new DateTimeOffset(2023, 9, 14, 8, 21, 37, TimeSpan.Zero)),
        new("LastBootUpTime", new DateTimeOffset(2024, 5, 13, 22, 4, 11, 500, TimeSpan.FromHours(1))),
        new("Locale", "0409"),
        new("MaxProcessMemorySize", 137438953344UL),
        new("MUILanguages", Languages),
        new("NumberOfProcesses", 112),
        new("OSArchitecture", "64-bit"),
        new("Primary", true),
        new("ProductType", 3),
        new("TotalVisibleMemorySize", 8388608UL),
        new("Version", "10.0.20348"),
        new("WindowsDirectory", "C:\\Windows"),
    ];
}
