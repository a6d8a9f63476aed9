using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Problems;

namespace MonitoringHost.ManagementPacks.Reading;

/// <summary>
/// Loads pack XML safely: size limit first, DTDs prohibited, no external resolution, encoding from the BOM or the
/// XML declaration (UTF-8 with or without BOM, UTF-16), line information on every node.
/// </summary>
internal static partial class XmlDocumentLoader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = false,
        // Whitespace between elements means nothing in a pack, and an empty configuration written over two lines
        // must not count as text content.
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    [GeneratedRegex(@"##([A-Za-z0-9_]+)##")]
    private static partial Regex TemplateToken();

    public static XDocument? Load(string path, ManagementPackReadOptions options, List<PackProblem> problems)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                problems.Add(Problem(ProblemCodes.FileUnreadable, "the file does not exist", path));
                return null;
            }

            if (info.Length > options.MaxBytes)
            {
                problems.Add(Problem(
                    ProblemCodes.FileTooLarge,
                    $"the file is {Megabytes(info.Length)}, over the {Megabytes(options.MaxBytes)} limit for one pack; nothing was read",
                    path));
                return null;
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(Problem(ProblemCodes.FileUnreadable, $"the file cannot be read: {e.Message}", path));
            return null;
        }

        return Load(bytes, path, options, problems);
    }

    public static XDocument? Load(byte[] bytes, string path, ManagementPackReadOptions options, List<PackProblem> problems)
    {
        if (bytes.LongLength > options.MaxBytes)
        {
            problems.Add(Problem(
                ProblemCodes.FileTooLarge,
                $"the pack is {Megabytes(bytes.LongLength)}, over the {Megabytes(options.MaxBytes)} limit for one pack; nothing was read",
                path));
            return null;
        }

        try
        {
            using var reader = HasTemplateTokens(bytes)
                ? XmlReader.Create(new StringReader(FillTemplate(Decode(bytes), path, options, problems)), Settings)
                : XmlReader.Create(new MemoryStream(bytes, writable: false), Settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            var isDtd = e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase);
            var (line, column) = (e.LineNumber, e.LinePosition);
            if (isDtd && line == 0)
            {
                // The prohibition is raised before the reader has a position: point at the declaration itself.
                var text = Decode(bytes);
                var at = text.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
                (line, column) = at >= 0 ? LineAndColumn(text, at) : (1, 1);
            }

            problems.Add(new PackProblem(
                isDtd ? ProblemCodes.DtdNotAllowed : ProblemCodes.MalformedXml,
                ProblemSeverity.Error,
                isDtd ? "DTDs are not allowed in management packs (they are never processed, for safety)" : $"the XML is malformed: {TrimPosition(e.Message)}",
                new SourceLocation(path, line, column)));
            return null;
        }
    }

    private static bool HasTemplateTokens(byte[] bytes)
    {
        // "##" in UTF-8 or UTF-16LE/BE: cheap to look for, and real packs never have it outside templates.
        var span = bytes.AsSpan();
        return span.IndexOf("##"u8) >= 0 || span.IndexOf("#\0#\0"u8) >= 0 || span.IndexOf("\0#\0#"u8) >= 0;
    }

    private static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>Replaces <c>##Token##</c> with the given values; any token left is an error at its line.</summary>
    private static string FillTemplate(string text, string path, ManagementPackReadOptions options, List<PackProblem> problems)
    {
        var filled = TemplateToken().Replace(text, m => options.TemplateValues.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);
        foreach (var group in TemplateToken().Matches(filled).GroupBy(m => m.Groups[1].Value, StringComparer.Ordinal))
        {
            var first = group.First();
            var (line, column) = LineAndColumn(filled, first.Index);
            problems.Add(new PackProblem(
                ProblemCodes.UnfilledTemplateToken,
                ProblemSeverity.Error,
                $"the template placeholder {first.Value} is not filled ({group.Count()} occurrence(s)); give it a value with --set {group.Key}=Value",
                new SourceLocation(path, line, column)));
        }

        return filled;
    }

    private static (int Line, int Column) LineAndColumn(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    private static string TrimPosition(string message)
    {
        var at = message.IndexOf(" Line ", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.0} MB";

    private static PackProblem Problem(string code, string message, string path) =>
        new(code, ProblemSeverity.Error, message, new SourceLocation(path, 0, 0));
}
