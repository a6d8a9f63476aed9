namespace MonitoringHost.Tests.Shared;

/// <summary>
/// A test that needs something this machine may not allow: skipped with the reason on a developer machine, failed
/// under CI (<c>CI=true</c>), where a skipped test would prove nothing.
/// </summary>
internal static class CiRequirement
{
    public static void SkipLocallyOrFail(string reason)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(reason + " (required under CI)");
        }

        Skip.If(true, reason);
    }
}
