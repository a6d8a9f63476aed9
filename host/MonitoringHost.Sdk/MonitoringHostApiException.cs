using System.Net;
using MonitoringHost.Sdk.Contracts;

namespace MonitoringHost.Sdk;

/// <summary>The server refused a request: its status and the problem document it answered with.</summary>
public sealed class MonitoringHostApiException : Exception
{
    /// <summary>A refusal with its problem document.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="problem">What the server said.</param>
    public MonitoringHostApiException(HttpStatusCode status, Problem problem)
        : base($"{(int)status} {problem?.Title}: {problem?.Detail}" + string.Concat((problem?.Errors ?? []).Select(e => $"{Environment.NewLine}  {e.Path ?? e.ElementId ?? ""}: {e.Message}")))
    {
        ArgumentNullException.ThrowIfNull(problem);
        Status = status;
        Problem = problem;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The problem document: title, detail and, for bad input, every error with where it is.</summary>
    public Problem Problem { get; }

    /// <summary>The errors listed in the problem document (empty when there are none).</summary>
    public IReadOnlyList<ProblemError> Errors => Problem.Errors ?? [];
}
