using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Resolution;

namespace MonitoringHost.Server;

/// <summary>
/// <c>GET /api/v1/alerts/{id}/knowledge</c>: the knowledge article of the rule or monitor that raised an alert, as its
/// pack wrote it (<c>content</c>, MAML or HTML) and as plain text (<c>text</c>, one line per title or paragraph), in
/// the pack's default language. 404 when the alert is unknown or its rule or monitor has no article.
/// </summary>
internal static class KnowledgeEndpoints
{
    public static void MapKnowledge(this WebApplication app, ManagementServer server)
    {
        app.MapGet("/api/v1/alerts/{id:guid}/knowledge", async (HttpContext context, Guid id) =>
        {
            var alert = await AlertEndpoints.FindAsync(server, id, context.RequestAborted).ConfigureAwait(false);
            if (alert is null)
            {
                return Problems.NotFound($"there is no alert {id}");
            }

            return Find(server.Classes.Packs, alert.RuleOrMonitorId) is { } found
                ? Results.Ok(new { alertId = alert.Id, elementId = alert.RuleOrMonitorId, language = found.Language, text = Text(found.Article.Content), content = found.Article.Content })
                : Problems.NotFound($"{alert.RuleOrMonitorId}, which raised alert {id}, has no knowledge article");
        }).Allow(ApiAuth.Readers);
    }

    /// <summary>The article about <paramref name="elementId"/> in the default language of the pack that has one (else its first).</summary>
    public static (string Language, KnowledgeArticle Article)? Find(PackSet packs, string elementId)
    {
        ArgumentNullException.ThrowIfNull(packs);
        foreach (var pack in packs.Packs)
        {
            var found = pack.LanguagePacks.OrderByDescending(l => l.IsDefault)
                .SelectMany(l => l.KnowledgeArticles.Where(k => k.ElementId == elementId).Select(k => (l.Id, k)))
                .FirstOrDefault();
            if (found.k is not null)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The article's words: each title and paragraph (or other innermost element) on a line of its own.</summary>
    public static string Text(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        XElement article;
        try
        {
            article = XElement.Parse($"<article>{content}</article>");
        }
        catch (XmlException)
        {
            // Not well-formed (HTML as some packs write it): the markup is the best text there is.
            return content.Trim();
        }

        var lines = article.Descendants()
            .Where(e => !e.HasElements)
            .Select(e => string.Join(' ', e.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(line => line.Length > 0);
        return string.Join('\n', lines);
    }
}
