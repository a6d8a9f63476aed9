using MonitoringHost.ManagementPacks.Model;

namespace MonitoringHost.ManagementPacks.Problems;

/// <summary>
/// One thing wrong with a pack, said so that its author can fix it: where (file, line, column, element id),
/// a stable code (<c>MP0001</c>…, see <see cref="ProblemCodes"/>) and a message.
/// </summary>
public sealed record PackProblem(
    string Code,
    ProblemSeverity Severity,
    string Message,
    SourceLocation Location,
    string? ElementId = null,
    string? PackId = null)
{
    public bool IsError => Severity == ProblemSeverity.Error;

    /// <summary>Compiler style: <c>path(line,col): error MP0123: message [ElementId]</c>.</summary>
    public override string ToString()
    {
        var where = Location.Line > 0 ? $"{Location.Path}({Location.Line},{Location.Column})" : Location.Path;
        var severity = IsError ? "error" : "warning";
        var element = ElementId is null ? "" : $" [{ElementId}]";
        return $"{where}: {severity} {Code}: {Message}{element}";
    }
}
