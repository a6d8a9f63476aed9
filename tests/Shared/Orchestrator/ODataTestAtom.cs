using System.Globalization;
using System.Xml.Linq;

namespace MonitoringHost.Tests.Shared.Orchestrator;

/// <summary>
/// Writes feeds, entries, the service document and errors in the exact AtomPub shape WCF Data Services gives the
/// Orchestrator web service (see the protocol samples): namespace declarations in its order, <c>xml:base</c> the
/// service root, <c>m:count</c> with <c>$inlinecount</c>, typed nulls, the <c>next</c> link after the last entry.
/// </summary>
internal static class ODataTestAtom
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace App = "http://www.w3.org/2007/app";
    public static readonly XNamespace D = "http://schemas.microsoft.com/ado/2007/08/dataservices";
    public static readonly XNamespace M = "http://schemas.microsoft.com/ado/2007/08/dataservices/metadata";
    private const string Related = "http://schemas.microsoft.com/ado/2007/08/dataservices/related/";
    private const string Scheme = "http://schemas.microsoft.com/ado/2007/08/dataservices/scheme";

    public static XDocument Feed(string baseUrl, string title, string path, IEnumerable<ODataTestEntity> entries, int? count, string? next, DateTimeOffset now, TimeSpan offset)
    {
        var feed = new XElement(
            Atom + "feed",
            Namespaces(baseUrl),
            new XElement(Atom + "title", new XAttribute("type", "text"), title),
            new XElement(Atom + "id", baseUrl + path),
            new XElement(Atom + "updated", Utc(now)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("title", title), new XAttribute("href", path)));
        if (count is { } total)
        {
            feed.Add(new XElement(M + "count", total.ToString(CultureInfo.InvariantCulture)));
        }

        feed.Add(entries.Select(e => Entry(e, baseUrl, now, offset, root: false)));
        if (next is not null)
        {
            feed.Add(new XElement(Atom + "link", new XAttribute("rel", "next"), new XAttribute("href", next)));
        }

        return Document(feed);
    }

    /// <summary>One entry; <paramref name="root"/>: a document of its own (a key lookup, a created job), with the namespaces and <c>xml:base</c> on it.</summary>
    public static XElement Entry(ODataTestEntity entity, string baseUrl, DateTimeOffset now, TimeSpan offset, bool root)
    {
        var entry = new XElement(Atom + "entry");
        if (root)
        {
            entry.Add(Namespaces(baseUrl));
        }

        if (entity.ETagTime is { } etag)
        {
            entry.Add(new XAttribute(M + "etag", ETag(etag)));
        }

        entry.Add(
            new XElement(Atom + "id", baseUrl + entity.KeyPath),
            entity.Title.Length > 0 ? new XElement(Atom + "title", new XAttribute("type", "text"), entity.Title) : new XElement(Atom + "title", new XAttribute("type", "text")));
        if (entity.Published is { } published)
        {
            entry.Add(new XElement(Atom + "published", Local(published, offset)), new XElement(Atom + "updated", Local(entity.Updated, offset)));
        }
        else
        {
            entry.Add(new XElement(Atom + "updated", Utc(now)));
        }

        entry.Add(
            new XElement(Atom + "author", new XElement(Atom + "name")),
            new XElement(Atom + "link", new XAttribute("rel", "edit"), new XAttribute("title", entity.Type), new XAttribute("href", entity.KeyPath)));
        foreach (var (name, isFeed) in entity.Links)
        {
            entry.Add(new XElement(
                Atom + "link",
                new XAttribute("rel", Related + name),
                new XAttribute("type", isFeed ? "application/atom+xml;type=feed" : "application/atom+xml;type=entry"),
                new XAttribute("title", name),
                new XAttribute("href", $"{entity.KeyPath}/{name}")));
        }

        entry.Add(
            new XElement(Atom + "category", new XAttribute("term", entity.FullType), new XAttribute("scheme", Scheme)),
            new XElement(Atom + "content", new XAttribute("type", "application/xml"), new XElement(M + "properties", entity.Properties.Select(Property))));
        return entry;
    }

    public static XDocument Document(XElement root) => new(new XDeclaration("1.0", "utf-8", "yes"), root);

    public static XDocument ServiceDocument(string baseUrl, IEnumerable<string> collections) => Document(new XElement(
        App + "service",
        new XAttribute(XNamespace.Xml + "base", baseUrl),
        new XAttribute(XNamespace.Xmlns + "atom", Atom),
        new XAttribute(XNamespace.Xmlns + "app", App),
        new XAttribute("xmlns", App),
        new XElement(
            App + "workspace",
            new XElement(Atom + "title", "Default"),
            collections.Select(c => new XElement(App + "collection", new XAttribute("href", c), new XElement(Atom + "title", c))))));

    /// <summary>The WCF Data Services error body.</summary>
    public static XDocument Error(string message) => Document(new XElement(
        M + "error",
        new XAttribute("xmlns", M),
        new XElement(M + "code"),
        new XElement(M + "message", new XAttribute(XNamespace.Xml + "lang", "en-US"), message)));

    public static string ETag(DateTime time) => $"W/\"datetime'{Uri.EscapeDataString(ODataTestEntity.DateTimeText(time))}'\"";

    public static string Text(XDocument document) => document.Declaration + Environment.NewLine + document.Root!.ToString(SaveOptions.None);

    private static object[] Namespaces(string baseUrl) =>
    [
        new XAttribute(XNamespace.Xml + "base", baseUrl),
        new XAttribute(XNamespace.Xmlns + "d", D),
        new XAttribute(XNamespace.Xmlns + "m", M),
        new XAttribute("xmlns", Atom),
    ];

    private static XElement Property(ODataTestProperty property)
    {
        var element = new XElement(D + property.Name);
        if (property.EdmType is not null)
        {
            element.Add(new XAttribute(M + "type", property.EdmType));
        }

        if (property.Text is { } text)
        {
            element.Value = text;
        }
        else
        {
            element.Add(new XAttribute(M + "null", "true"));
        }

        return element;
    }

    private static string Local(DateTime local, TimeSpan offset) =>
        new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
