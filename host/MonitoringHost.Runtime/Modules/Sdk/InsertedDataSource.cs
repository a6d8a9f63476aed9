using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Sdk;

/// <summary>
/// A data source fed by items that clients insert for an object through the SDK (the API's events and performance
/// endpoints), not by a schedule: <c>Microsoft.SystemCenter.SdkEventProvider</c> and
/// <c>Microsoft.SystemCenter.SdkPerformanceDataProvider</c>. The host hands each inserted item of the object to the
/// workflows whose source accepts it (<see cref="Hosting.WorkflowHost.InsertAsync"/>); the module passes it on as it is.
/// </summary>
public sealed class InsertedDataSource(string itemTypeName) : ModuleInstance
{
    /// <summary>The data type this source outputs (<c>System.Event.Data</c>, <c>System.Performance.Data</c>).</summary>
    public string ItemTypeName { get; } = itemTypeName;

    /// <summary>Whether an inserted item is one this source outputs.</summary>
    public bool Accepts(DataItem item) => string.Equals(item?.TypeName, ItemTypeName, StringComparison.Ordinal);

    public override ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        output.Emit(input);
        return ValueTask.CompletedTask;
    }
}
