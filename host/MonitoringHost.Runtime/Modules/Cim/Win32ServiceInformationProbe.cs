using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Cim;

/// <summary><c>Microsoft.Windows.Win32ServiceInformationProbe</c>: on each input item, the service's property bag.</summary>
public sealed class Win32ServiceInformationProbe(Win32ServiceReader reader) : ModuleInstance
{
    public Win32ServiceReader Reader { get; } = reader;

    public override async ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        output.Emit(await Reader.ReadAsync(input.Time, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Makes <see cref="Win32ServiceInformationProbe"/>s.</summary>
    public sealed class Factory : NativeModuleFactory
    {
        public const string Id = "Microsoft.Windows.Win32ServiceInformationProbe";

        public override string TypeId => Id;

        public override ModuleInstance Create(ModuleSetup setup) => new Win32ServiceInformationProbe(Win32ServiceReader.Open(setup));
    }
}
