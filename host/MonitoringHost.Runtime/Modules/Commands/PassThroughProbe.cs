using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Commands;

/// <summary>
/// <c>System.PassThroughProbe</c>: emits each input item unchanged. Packs put it where a probe is required but there
/// is nothing to ask (a diagnostic or recovery that acts on the trigger alone). It has no configuration.
/// </summary>
public sealed class PassThroughProbe : ConditionModule
{
    public override DataItem? Evaluate(DataItem input) => input;
}
