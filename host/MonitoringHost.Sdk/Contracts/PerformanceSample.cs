namespace MonitoringHost.Sdk.Contracts;

/// <summary>A performance sample inserted for an object (<c>POST /objects/{id}/performance</c>).</summary>
/// <param name="ObjectName">The performance object (<c>Processor</c>).</param>
/// <param name="CounterName">The counter (<c>% Processor Time</c>).</param>
/// <param name="InstanceName">The instance (<c>_Total</c>).</param>
/// <param name="Value">The value.</param>
/// <param name="Time">When it was sampled (UTC); now when not given.</param>
public sealed record PerformanceSample(string ObjectName, string CounterName, string InstanceName, double Value, DateTimeOffset? Time = null);
