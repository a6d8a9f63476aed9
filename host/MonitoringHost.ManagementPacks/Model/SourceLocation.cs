namespace MonitoringHost.ManagementPacks.Model;

/// <summary>Where an element came from: the file, and the 1-based line and column of its start tag.</summary>
public sealed record SourceLocation(string Path, int Line, int Column)
{
    public override string ToString() => $"{Path}({Line},{Column})";
}
