namespace MonitoringHost.Runtime.Hosting;

/// <summary>How the workflow host runs.</summary>
public sealed class RuntimeOptions
{
    /// <summary>The scheduler's tick: runs fall due to this precision.</summary>
    public TimeSpan Resolution { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Workflow instances running at once, over all workflows (probes wait for a slot).</summary>
    public int MaxConcurrentRuns { get; init; } = 512;

    /// <summary>How long one run may take before it is cancelled (its probes see the cancellation).</summary>
    public TimeSpan RunTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary><c>$Target/ManagementGroup/Name$</c>.</summary>
    public string ManagementGroupName { get; init; } = "MonitoringHost";

    /// <summary><c>$Target/ManagementGroup/Id$</c>.</summary>
    public Guid ManagementGroupId { get; init; } = new("6d3c9b4e-2a51-4f0e-9a7c-3f1e8b2d5c40");
}
