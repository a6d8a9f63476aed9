using System.Collections.Immutable;

namespace MonitoringHost.ManagementPacks.Model;

/// <summary>One language's display strings and knowledge (ENU, DEU, …).</summary>
public sealed record LanguagePack(
    string Id,
    bool IsDefault,
    ImmutableArray<DisplayString> DisplayStrings,
    ImmutableArray<KnowledgeArticle> KnowledgeArticles,
    SourceLocation Location);
