namespace MonitoringHost.Discovery.Data;

/// <summary>Discovery data that did not pass its checks; nothing of it was applied. Carries every problem found.</summary>
public sealed class DiscoveryDataRejectedException : Exception
{
    public DiscoveryDataRejectedException(string source, IReadOnlyList<DiscoveryDataProblem> problems)
        : base($"discovery data from {source} was rejected: {string.Join("; ", problems.Take(10))}{(problems.Count > 10 ? $" (and {problems.Count - 10} more)" : "")}")
    {
        SubmittedBy = source;
        Problems = problems;
    }

    public string SubmittedBy { get; }

    public IReadOnlyList<DiscoveryDataProblem> Problems { get; }
}
