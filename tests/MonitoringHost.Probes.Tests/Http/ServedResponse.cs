namespace MonitoringHost.Probes.Tests.Http;

/// <summary>What the loopback server answers: status, body, extra headers, and a delay before answering.</summary>
internal sealed record ServedResponse(int Status, string Body = "")
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public TimeSpan Delay { get; init; } = TimeSpan.Zero;

    public static ServedResponse Redirect(int status, string location) =>
        new(status) { Headers = new Dictionary<string, string> { ["Location"] = location } };
}
