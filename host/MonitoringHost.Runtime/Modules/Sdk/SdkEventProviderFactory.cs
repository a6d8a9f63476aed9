using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Sdk;

/// <summary>
/// <c>Microsoft.SystemCenter.SdkEventProvider</c> (no configuration): the events inserted for the workflow's target
/// (<c>POST /api/v1/objects/{id}/events</c>, SCOM's <c>InsertCustomMonitoringEvent</c>), as <c>System.Event.Data</c>.
/// </summary>
public sealed class SdkEventProviderFactory : NativeModuleFactory
{
    public override string TypeId => "Microsoft.SystemCenter.SdkEventProvider";

    public override ModuleInstance Create(ModuleSetup setup) => new InsertedDataSource(EventData.SystemTypeName);

    public override bool Shareable(ModuleConfiguration configuration) => true;
}
