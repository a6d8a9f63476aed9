using MonitoringHost.ManagementPacks.Model;

namespace MonitoringHost.ManagementPacks.Tests.Validation;

/// <summary>Finds where a unique piece of a pack's XML is, as the reader reports it: 1-based line and column.</summary>
internal static class Where
{
    /// <summary>
    /// The line and column of the only occurrence of <paramref name="marker"/>, or, given <paramref name="after"/> (which
    /// must be unique), of its first occurrence after that.
    /// </summary>
    public static SourceLocation Text(string xml, string marker, string? after = null, string path = PackCheck.FileName)
    {
        var index = after is null ? IndexOfOnly(xml, marker) : xml.IndexOf(marker, IndexOfOnly(xml, after), StringComparison.Ordinal);
        if (index < 0)
        {
            throw new ArgumentException($"'{marker}' does not occur after '{after}'", nameof(marker));
        }

        var lineStart = xml.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1;
        var line = 1 + xml.AsSpan(0, index).Count('\n');
        return new SourceLocation(path, line, index - lineStart + 1);
    }

    /// <summary>
    /// Where the element whose start tag begins with <paramref name="marker"/> (which starts with '&lt;') is reported:
    /// the line of its start tag and the column of its name, as XML readers count.
    /// </summary>
    public static SourceLocation Element(string xml, string marker, string? after = null, string path = PackCheck.FileName)
    {
        if (!marker.StartsWith('<'))
        {
            throw new ArgumentException("an element marker starts with '<'", nameof(marker));
        }

        var text = Text(xml, marker, after, path);
        return text with { Column = text.Column + 1 };
    }

    /// <summary>Where the attribute that <paramref name="marker"/> begins with is reported: at its name.</summary>
    public static SourceLocation Attribute(string xml, string marker, string? after = null, string path = PackCheck.FileName) =>
        Text(xml, marker, after, path);

    private static int IndexOfOnly(string xml, string marker)
    {
        var index = xml.IndexOf(marker, StringComparison.Ordinal);
        if (index < 0 || xml.IndexOf(marker, index + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"'{marker}' must occur exactly once in the pack", nameof(marker));
        }

        return index;
    }
}
