namespace MonitoringHost.Runtime.Modules.Sdk;

/// <summary>
/// <c>Microsoft.SystemCenter.SdkPerformanceDataProvider</c> (no configuration): the performance samples inserted for
/// the workflow's target (<c>POST /api/v1/objects/{id}/performance</c>, SCOM's <c>InsertCustomMonitoringPerformanceData</c>).
/// </summary>
public sealed class SdkPerformanceDataProviderFactory : NativeModuleFactory
{
    public override string TypeId => "Microsoft.SystemCenter.SdkPerformanceDataProvider";

    public override ModuleInstance Create(ModuleSetup setup) => new InsertedDataSource("System.Performance.Data");

    public override bool Shareable(ModuleConfiguration configuration) => true;
}
