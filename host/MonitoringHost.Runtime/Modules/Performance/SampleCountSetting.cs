namespace MonitoringHost.Runtime.Modules.Performance;

/// <summary>Reads the <c>NumSamples</c> field the averaging and delta conditions share.</summary>
internal static class SampleCountSetting
{
    // A window is held per counter instance; a bound keeps an override typo from reserving gigabytes.
    public const int Maximum = 100_000;

    public static int Read(ModuleConfiguration configuration)
    {
        var value = configuration.RequiredInteger("NumSamples");
        return value is >= 1 and <= Maximum ? (int)value : throw configuration.Problem("NumSamples", $"{value} is not between 1 and {Maximum}");
    }
}
