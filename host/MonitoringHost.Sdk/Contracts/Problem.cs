using System.Text.Json.Serialization;

namespace MonitoringHost.Sdk.Contracts;

/// <summary>
/// An RFC 7807 problem document (<c>application/problem+json</c>): what went wrong and, for a request with bad
/// input, every problem found with where it is.
/// </summary>
/// <param name="Title">The HTTP status's reason phrase.</param>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Detail">What went wrong, for people.</param>
public sealed record Problem(string Title, int Status, string? Detail)
{
    /// <summary>Every problem found in the request (validation failures only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ProblemError>? Errors { get; init; }
}
