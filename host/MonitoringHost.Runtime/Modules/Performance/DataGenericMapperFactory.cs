using Microsoft.Extensions.Logging;

namespace MonitoringHost.Runtime.Modules.Performance;

/// <summary>Makes <see cref="DataGenericMapper"/>s.</summary>
public sealed class DataGenericMapperFactory : NativeModuleFactory
{
    public override string TypeId => "System.Performance.DataGenericMapper";

    public override ModuleInstance Create(ModuleSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new DataGenericMapper(
            DataGenericMapperConfiguration.Read(setup.Configuration),
            setup.Services.Logging.CreateLogger<DataGenericMapper>(),
            setup.WorkflowId,
            setup.ModuleId);
    }
}
