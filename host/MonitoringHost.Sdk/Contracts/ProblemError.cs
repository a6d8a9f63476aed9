using System.Text.Json.Serialization;

namespace MonitoringHost.Sdk.Contracts;

/// <summary>One problem in a request: where (a JSON path, a line and column, an MP element) and what.</summary>
/// <param name="Code">A stable code for the kind of problem (<c>invalid</c>, <c>required</c>, …).</param>
/// <param name="Message">What is wrong, for people.</param>
public sealed record ProblemError(string Code, string Message)
{
    /// <summary>The JSON path of the field, when the problem is in a JSON body.</summary>
    public string? Path { get; init; }

    /// <summary>The line (1-based), when known.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Line { get; init; }

    /// <summary>The column (1-based), when known.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Column { get; init; }

    /// <summary>The MP element the problem is about, when there is one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ElementId { get; init; }

    /// <summary>The field of the queried items the problem is about (a criteria naming an unknown field, a value that does not fit it).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Field { get; init; }

    /// <summary>"where: what", for people.</summary>
    public override string ToString()
    {
        var where = string.Join(" ", new[] { Path is { Length: > 0 } ? Path : null, Line is { } line ? $"line {line}" : null, ElementId }.Where(w => w is not null));
        return where.Length == 0 ? Message : $"{where}: {Message}";
    }
}
