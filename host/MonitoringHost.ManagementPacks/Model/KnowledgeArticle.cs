namespace MonitoringHost.ManagementPacks.Model;

/// <summary>A knowledge article, kept as text (its MAML or HTML markup as written).</summary>
public sealed record KnowledgeArticle(string ElementId, bool Visible, string Content, SourceLocation Location);
