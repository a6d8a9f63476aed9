namespace MonitoringHost.Runtime.Modules.Performance;

/// <summary>How a sample is compared with a threshold (<c>Direction</c> of <c>System.Performance.ConsecutiveSamplesCondition</c>).</summary>
public enum ThresholdDirection
{
    Greater,
    Less,
    GreaterEqual,
    LessEqual,
}
