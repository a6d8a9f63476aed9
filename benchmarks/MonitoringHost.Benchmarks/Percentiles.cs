using System.Globalization;

namespace MonitoringHost.Benchmarks;

/// <summary>Latencies as the scenarios print them.</summary>
internal static class Percentiles
{
    /// <summary>Median, 95th and 99th percentile and maximum of <paramref name="milliseconds"/>.</summary>
    public static string Describe(IReadOnlyCollection<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        return string.Create(CultureInfo.InvariantCulture, $"median {At(0.5):0.00} ms, p95 {At(0.95):0.00} ms, p99 {At(0.99):0.00} ms, max {sorted[^1]:0.00} ms");
    }
}
