namespace MonitoringHost.ManagementPacks.Model;

/// <summary>The source or target of a relationship type: <c>&lt;Source ID Type/&gt;</c> or the 2007 form <c>&lt;Source&gt;Class&lt;/Source&gt;</c>.</summary>
public sealed record RelationshipEndpoint(string? Id, string Type, int? MinCardinality, int? MaxCardinality, SourceLocation Location);
