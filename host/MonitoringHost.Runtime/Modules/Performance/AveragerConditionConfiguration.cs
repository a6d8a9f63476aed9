namespace MonitoringHost.Runtime.Modules.Performance;

/// <summary>
/// <c>System.Performance.AveragerCondition</c>'s configuration: NumSamples, how many of the latest samples are
/// averaged. The shipped System.Performance.Library does not declare this module type; the field is the one public
/// packs pass to it (their average-threshold monitor types hand it <c>$Config/NumSamples$</c>).
/// </summary>
public sealed record AveragerConditionConfiguration(int NumSamples)
{
    public static AveragerConditionConfiguration Read(ModuleConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new(SampleCountSetting.Read(configuration));
    }
}
