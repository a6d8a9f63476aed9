using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace MonitoringHost.Runtime.Modules.OData;

/// <summary>
/// Reads OData v2 AtomPub answers (WCF Data Services, as the Orchestrator web service sends them): a feed or a single
/// entry into an <see cref="ODataFeedPage"/>, and the service's error body into its message. Each property of an
/// entry's <c>m:properties</c> becomes text: <c>Edm.DateTime</c> as <c>yyyy-MM-ddTHH:mm:ss.fff</c>,
/// <c>Edm.Boolean</c> as <c>true</c>/<c>false</c>, a null (<c>m:null="true"</c>) as empty text, anything else (a
/// Guid, a number, a string) as written. DTDs are refused and nothing external is resolved.
/// </summary>
public static class ODataFeedReader
{
    /// <summary>At most this many entries are read in one run.</summary>
    public const int MaxEntries = 10_000;

    /// <summary>At most this many bytes are read from one answer.</summary>
    public const int MaxAnswerBytes = 16 * 1024 * 1024;

    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace Data = "http://schemas.microsoft.com/ado/2007/08/dataservices";
    public static readonly XNamespace Metadata = "http://schemas.microsoft.com/ado/2007/08/dataservices/metadata";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = MaxAnswerBytes,
    };

    /// <summary>Reads a feed (or one entry) answered for <paramref name="requestUrl"/>; a relative <c>next</c> link is taken against the feed's <c>xml:base</c>, else the request URL.</summary>
    /// <exception cref="XmlException">The answer is not well-formed XML, has a DTD, or is not an Atom feed or entry.</exception>
    public static ODataFeedPage Read(Stream answer, Uri requestUrl)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(requestUrl);
        var root = Load(answer);
        if (root.Name == Atom + "entry")
        {
            return new ODataFeedPage([Entry(root)], 1, null);
        }

        if (root.Name != Atom + "feed")
        {
            throw new XmlException($"the answer is a {root.Name.LocalName} element, not an Atom feed or entry");
        }

        var entries = root.Elements(Atom + "entry").Select(Entry).ToList();
        long? count = root.Element(Metadata + "count") is { } c
            ? long.TryParse(c.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new XmlException($"m:count '{c.Value}' is not a number")
            : null;
        Uri? next = null;
        if (root.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") == "next")?.Attribute("href")?.Value is { Length: > 0 } href)
        {
            var baseUrl = root.Attribute(XNamespace.Xml + "base")?.Value is { } b && Uri.TryCreate(b, UriKind.Absolute, out var parsed) ? parsed : requestUrl;
            next = Uri.TryCreate(baseUrl, href, out var link) ? link : throw new XmlException($"the next link '{href}' is not a URL");
        }

        return new ODataFeedPage(entries, count, next);
    }

    /// <summary>The <c>&lt;message&gt;</c> of a WCF Data Services error body, or null when the text is not one.</summary>
    public static string? ErrorMessage(Stream answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        try
        {
            var root = Load(answer);
            return root.Name == Metadata + "error" ? root.Element(Metadata + "message")?.Value.Trim() : null;
        }
        catch (XmlException)
        {
            // Not an OData error body (an IIS HTML page, a proxy's answer): the status says what there is to say.
            return null;
        }
    }

    private static XElement Load(Stream answer)
    {
        using var reader = XmlReader.Create(answer, Settings);
        return XDocument.Load(reader).Root ?? throw new XmlException("the answer is empty");
    }

    private static ODataEntry Entry(XElement entry)
    {
        var term = entry.Elements(Atom + "category").Select(c => c.Attribute("term")?.Value).FirstOrDefault(t => !string.IsNullOrEmpty(t)) ?? "";
        var type = term[(term.LastIndexOf('.') + 1)..];

        // Properties are inside content, or beside it for a media link entry.
        var properties = entry.Element(Atom + "content")?.Element(Metadata + "properties") ?? entry.Element(Metadata + "properties");
        var values = properties?.Elements().Select(p => KeyValuePair.Create(p.Name.LocalName, Text(p))).ToList() ?? [];
        return new ODataEntry(type, values);
    }

    private static string Text(XElement property)
    {
        if (property.Attribute(Metadata + "null")?.Value == "true")
        {
            return "";
        }

        var text = property.Value;
        return property.Attribute(Metadata + "type")?.Value switch
        {
            "Edm.DateTime" when DateTime.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) =>
                time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture),
            "Edm.Boolean" => text.Trim() is "true" or "1" ? "true" : "false",
            "Edm.Guid" => text.Trim(),
            _ => text,
        };
    }
}
