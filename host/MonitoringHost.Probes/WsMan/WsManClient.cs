using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace MonitoringHost.Probes.WsMan;

/// <summary>
/// A managed WS-Management (WinRM) client for WMI: WS-Transfer Get, WS-Enumeration Enumerate / Pull / Release with
/// the WQL filter dialect, over HTTP (5985) or HTTPS (5986), Basic or Negotiate authentication. Works on every
/// platform. One instance per target computer; it pools its connections and may be used by several callers at once.
/// </summary>
public sealed partial class WsManClient : ICimClient, IDisposable
{
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private readonly WsManTarget _target;
    private readonly TimeProvider _time;
    private readonly HttpMessageInvoker _invoker;
    private readonly AuthenticationHeaderValue? _basic;
    private readonly string? _unsupported;

    public WsManClient(WsManTarget target, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        Validate(target);
        _target = target;
        _time = time ?? TimeProvider.System;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        };
        if (target.SkipCertificateCheck)
        {
#pragma warning disable CA5359 // Asked for explicitly, for WinRM listeners with self-signed certificates.
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        if (target.Authentication == WsManAuthentication.Basic)
        {
            _basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{target.UserName}:{target.Password}")));
        }
        else
        {
            _unsupported = NegotiateUnsupported();
            handler.Credentials = new CredentialCache { { target.Url, "Negotiate", new NetworkCredential(target.UserName, target.Password) } };
        }

        _invoker = new HttpMessageInvoker(handler, disposeHandler: true);
    }

    public WsManTarget Target => _target;

    public async Task<CimInstance> GetInstanceAsync(string className, IReadOnlyDictionary<string, string> keys, CancellationToken cancellationToken)
    {
        CheckClassName(className);
        ArgumentNullException.ThrowIfNull(keys);
        var operation = $"Get {className}";
        var body = await SendAsync(operation, WsManNames.Get, ResourceUri(className), keys, null, cancellationToken).ConfigureAwait(false);
        var instance = body.Elements().FirstOrDefault()
            ?? throw Protocol(operation, 200, "the GetResponse body is empty");
        return CimInstanceReader.Read(instance);
    }

    public IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(string className, CancellationToken cancellationToken)
    {
        CheckClassName(className);
        return EnumerateAsync($"Enumerate {className}", ResourceUri(className), null, cancellationToken);
    }

    public IAsyncEnumerable<CimInstance> QueryAsync(string wql, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(wql);
        return EnumerateAsync($"WQL query '{wql}'", ResourceUri("*"), wql, cancellationToken);
    }

    public void Dispose() => _invoker.Dispose();

    private async IAsyncEnumerable<CimInstance> EnumerateAsync(string operation, string resourceUri, string? wql, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var body = await SendAsync(operation, WsManNames.Enumerate, resourceUri, null, xml => WriteEnumerate(xml, wql), cancellationToken).ConfigureAwait(false);
        var page = ReadPage(operation, body, WsManNames.Enumeration + "EnumerateResponse");

        // The context stays set while the server holds one for us; a caller that stops early gets it released.
        string? context = page.Context;
        try
        {
            foreach (var item in page.Items)
            {
                yield return CimInstanceReader.Read(item);
            }

            while (!page.End && context is not null)
            {
                var current = context;
                context = null;
                body = await SendAsync(operation, WsManNames.Pull, resourceUri, null, xml => WritePull(xml, current), cancellationToken).ConfigureAwait(false);
                page = ReadPage(operation, body, WsManNames.Enumeration + "PullResponse");
                context = page.Context;
                foreach (var item in page.Items)
                {
                    yield return CimInstanceReader.Read(item);
                }
            }

            if (page.End)
            {
                context = null;
            }
        }
        finally
        {
            if (context is not null)
            {
                var released = context;
                await SendAsync(operation + " (release)", WsManNames.Release, resourceUri, null, xml => WriteContext(xml, released), CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private void WriteEnumerate(XmlWriter xml, string? wql)
    {
        xml.WriteStartElement("n", "Enumerate", null);
        xml.WriteStartElement("w", "OptimizeEnumeration", null);
        xml.WriteEndElement();
        xml.WriteElementString("w", "MaxElements", null, _target.MaxElements.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (wql is not null)
        {
            xml.WriteStartElement("w", "Filter", null);
            xml.WriteAttributeString("Dialect", WsManNames.WqlDialect);
            xml.WriteString(wql);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private void WritePull(XmlWriter xml, string context)
    {
        xml.WriteStartElement("n", "Pull", null);
        xml.WriteElementString("n", "EnumerationContext", null, context);
        xml.WriteElementString("n", "MaxElements", null, _target.MaxElements.ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteEndElement();
    }

    private static void WriteContext(XmlWriter xml, string context)
    {
        xml.WriteStartElement("n", "Release", null);
        xml.WriteElementString("n", "EnumerationContext", null, context);
        xml.WriteEndElement();
    }

    /// <summary>
    /// One page of an enumeration. Windows puts optimized items in the wsman namespace and pulled ones in the
    /// enumeration namespace; both are read. An empty context means there is nothing left.
    /// </summary>
    private EnumerationPage ReadPage(string operation, XElement body, XName expected)
    {
        var response = body.Element(expected)
            ?? throw Protocol(operation, 200, $"expected {expected.LocalName}, got {body.Elements().FirstOrDefault()?.Name.LocalName ?? "an empty body"}");
        var context = response.Element(WsManNames.Enumeration + "EnumerationContext")?.Value.Trim();
        var items = response.Element(WsManNames.WsMan + "Items") ?? response.Element(WsManNames.Enumeration + "Items");
        var end = response.Element(WsManNames.WsMan + "EndOfSequence") is not null || response.Element(WsManNames.Enumeration + "EndOfSequence") is not null;
        return new EnumerationPage(string.IsNullOrEmpty(context) ? null : context, items?.Elements().ToList() ?? [], end || string.IsNullOrEmpty(context));
    }

    private async Task<XElement> SendAsync(
        string operation,
        string action,
        string resourceUri,
        IReadOnlyDictionary<string, string>? selectors,
        Action<XmlWriter>? body,
        CancellationToken cancellationToken)
    {
        if (_unsupported is not null)
        {
            throw new CimException(CimErrorKind.NotSupported, _target.Url, $"{operation} on {_target.Host}: {_unsupported}");
        }

        var messageId = "uuid:" + Guid.NewGuid().ToString("D").ToUpperInvariant();
        using var request = new HttpRequestMessage(HttpMethod.Post, _target.Url)
        {
            Content = new ByteArrayContent(WsManRequest.Write(_target, action, resourceUri, messageId, selectors, body)),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(WsManNames.ContentType);
        request.Headers.Authorization = _basic;
        using var deadline = new CancellationTokenSource(_target.HttpTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var response = await _invoker.SendAsync(request, linked.Token).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            return Interpret(operation, response, bytes, messageId);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CimException(CimErrorKind.Timeout, _target.Url, $"{operation}: {_target.Url} did not answer within the HTTP timeout of {_target.HttpTimeout.TotalSeconds:0.###} s", e);
        }
        catch (HttpRequestException e)
        {
            throw new CimException(CimErrorKind.Unreachable, _target.Url, $"{operation}: {_target.Url} cannot be reached: {e.Message}", e);
        }
    }

    private XElement Interpret(string operation, HttpResponseMessage response, byte[] bytes, string messageId)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            var offered = string.Join(", ", response.Headers.WwwAuthenticate.Select(h => h.Scheme));
            throw new CimException(
                CimErrorKind.AuthenticationFailed,
                _target.Url,
                $"{operation}: {_target.Url} refused the credentials of user '{_target.UserName}' with {_target.Authentication} authentication "
                + $"(HTTP 401; the server offers: {(offered.Length == 0 ? "nothing" : offered)}). Check the user name and password, "
                + "and that the WinRM service allows this authentication scheme."
                + (_target.Authentication == WsManAuthentication.Negotiate && !OperatingSystem.IsWindows()
                    ? " Off Windows, Negotiate needs a Kerberos setup for the host (krb5.conf, a ticket) or gss-ntlmssp for NTLM."
                    : ""))
            { HttpStatus = status };
        }

        if (bytes.Length == 0)
        {
            throw Protocol(operation, status, $"HTTP {status} with an empty body");
        }

        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), ReaderSettings);
            document = XDocument.Load(reader, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e)
        {
            throw new CimException(CimErrorKind.ProtocolError, _target.Url, $"{operation}: {_target.Url} answered HTTP {status} with XML that cannot be read: {e.Message}", e) { HttpStatus = status };
        }

        var envelope = document.Root;
        var soapBody = envelope?.Name == WsManNames.Soap + "Envelope" ? envelope.Element(WsManNames.Soap + "Body") : null;
        if (soapBody is null)
        {
            throw Protocol(operation, status, $"HTTP {status} is not a SOAP 1.2 envelope (root element {envelope?.Name.LocalName})");
        }

        if (soapBody.Element(WsManNames.Soap + "Fault") is { } fault)
        {
            throw WsManFaultReader.Read(fault, operation, _target.Url, status);
        }

        if (status != 200)
        {
            throw Protocol(operation, status, $"HTTP {status} {response.ReasonPhrase} without a SOAP fault");
        }

        var relatesTo = envelope!.Element(WsManNames.Soap + "Header")?.Element(WsManNames.Addressing + "RelatesTo")?.Value.Trim();
        if (relatesTo is not null && relatesTo != messageId)
        {
            throw Protocol(operation, status, $"the answer relates to message {relatesTo}, not to {messageId}");
        }

        return soapBody;
    }

    private CimException Protocol(string operation, int status, string what) =>
        new(CimErrorKind.ProtocolError, _target.Url, $"{operation}: {_target.Url} answered with something that is not a WS-Man response: {what}") { HttpStatus = status };

    private string ResourceUri(string className) => WsManNames.ResourceUri(_target.Namespace, className);

    private static void CheckClassName(string className)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(className);
        if (!ClassName().IsMatch(className))
        {
            throw new ArgumentException($"'{className}' is not a CIM class name (letters, digits and underscores, not starting with a digit)", nameof(className));
        }
    }

    private static void Validate(WsManTarget target)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(target.Host) || Uri.CheckHostName(target.Host) == UriHostNameType.Unknown)
        {
            problems.Add($"Host '{target.Host}' is not a host name or address");
        }

        if (target.Port is < 0 or > 65535)
        {
            problems.Add($"Port {target.Port} is outside 0..65535");
        }

        if (target.OperationTimeout <= TimeSpan.Zero || target.HttpTimeout <= TimeSpan.Zero)
        {
            problems.Add($"timeouts must be positive (operation {target.OperationTimeout}, HTTP {target.HttpTimeout})");
        }

        if (target.MaxElements < 1)
        {
            problems.Add($"MaxElements {target.MaxElements} must be at least 1");
        }

        if (target.MaxEnvelopeSize < 8192)
        {
            problems.Add($"MaxEnvelopeSize {target.MaxEnvelopeSize} is below WinRM's minimum of 8192");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("WS-Man target: " + string.Join("; ", problems), nameof(target));
        }
    }

    /// <summary>Null when Negotiate can run here; otherwise why not, in words a user can act on.</summary>
    internal static string? NegotiateUnsupported(string gssapiLibrary = "libgssapi_krb5.so.2")
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        if (OperatingSystem.IsLinux())
        {
            if (NativeLibrary.TryLoad(gssapiLibrary, out var library))
            {
                NativeLibrary.Free(library);
                return null;
            }

            return $"Negotiate (Kerberos/NTLM) authentication needs the GSSAPI library {gssapiLibrary} on Linux "
                + "(apt-get install libgssapi-krb5-2, plus gss-ntlmssp for NTLM), and it cannot be loaded; "
                + "use Basic authentication over HTTPS instead.";
        }

        return OperatingSystem.IsMacOS() ? null : "Negotiate authentication is not supported on this platform; use Basic authentication over HTTPS.";
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ClassName();

    private sealed record EnumerationPage(string? Context, IReadOnlyList<XElement> Items, bool End);
}
