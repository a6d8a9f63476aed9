namespace MonitoringHost.Runtime.Modules.Performance;

/// <summary>
/// <c>System.Performance.DeltaValueCondition</c>'s configuration: NumSamples (the delta spans that many sampling
/// intervals) and Absolute (<c>true</c>: the difference in the counter's units; <c>false</c>: the change in percent of
/// the older value). The shipped System.Performance.Library does not declare this module type; these are the fields
/// Microsoft's own <c>System.Performance.DeltaDataProvider</c> passes to it.
/// </summary>
public sealed record DeltaValueConditionConfiguration(int NumSamples, bool Absolute)
{
    public static DeltaValueConditionConfiguration Read(ModuleConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var numSamples = SampleCountSetting.Read(configuration);
        var absolute = configuration.OptionalBoolean("Absolute") ?? throw configuration.Problem("Absolute", "is missing or empty");
        return new(numSamples, absolute);
    }
}
