namespace MonitoringHost.ManagementPacks.Model;

/// <summary>Where an element came from: the file, and the 1-based line and column of its start tag.</summary>
public sealed record SourceLocation(string Path, int Line, int Column)
{
    public static readonly SourceLocation Unknown = new("", 0, 0);

    public override string ToString() => $"{Path}({Line},{Column})";
}
