namespace MonitoringHost.Runtime.Modules.Performance;

/// <summary>
/// <c>System.Performance.ConsecutiveSamplesCondition</c>'s configuration as the shipped library declares it:
/// Threshold (double) and Direction (<c>greater</c>, <c>less</c>, <c>greaterequal</c>, <c>lessequal</c>). The number
/// of samples is not the module's: monitor types compare its output <c>Value</c> with their own NumSamples.
/// </summary>
public sealed record ConsecutiveSamplesConditionConfiguration(double Threshold, ThresholdDirection Direction)
{
    public static ConsecutiveSamplesConditionConfiguration Read(ModuleConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var threshold = configuration.OptionalNumber("Threshold") ?? throw configuration.Problem("Threshold", "is missing or empty");
        var direction = configuration.Required("Direction") switch
        {
            "greater" => ThresholdDirection.Greater,
            "less" => ThresholdDirection.Less,
            "greaterequal" => ThresholdDirection.GreaterEqual,
            "lessequal" => ThresholdDirection.LessEqual,
            var other => throw configuration.Problem("Direction", $"'{other}' is not one of greater, less, greaterequal, lessequal"),
        };
        return new(threshold, direction);
    }

    /// <summary>Whether <paramref name="value"/> is on the crossing side of the threshold.</summary>
    public bool Crosses(double value) => Direction switch
    {
        ThresholdDirection.Greater => value > Threshold,
        ThresholdDirection.Less => value < Threshold,
        ThresholdDirection.GreaterEqual => value >= Threshold,
        _ => value <= Threshold,
    };
}
