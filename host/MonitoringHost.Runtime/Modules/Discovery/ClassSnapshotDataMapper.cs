using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Discovery;

/// <summary>
/// <c>System.Discovery.ClassSnapshotDataMapper</c>: maps each item to discovery data holding one object of
/// <c>ClassId</c>, its properties and hosts from <c>InstanceSettings</c>, as a snapshot of the discovery workflow
/// instance (so an object the source no longer reports is released by the next snapshot).
/// </summary>
public sealed class ClassSnapshotDataMapper : ConditionModule
{
    private readonly DiscoverySource _source;
    private readonly TimeProvider _time;

    internal ClassSnapshotDataMapper(Configuration configuration, ModuleSetup setup)
    {
        Settings = configuration;
        _source = DiscoveryDataItem.WorkflowSource(setup.WorkflowId, setup.Target.Id);
        _time = setup.Services.Time;
    }

    public Configuration Settings { get; }

    public override DataItem? Evaluate(DataItem input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new DiscoveryDataItem(_time.GetUtcNow(), DiscoveryData.Snapshot(_source, [Settings.Instance.Render(input)]));
    }

    /// <summary>The class to discover and how each item describes its object.</summary>
    public sealed record Configuration(ClassInfo Class, ClassInstanceTemplate Instance)
    {
        public static Configuration Read(ModuleSetup setup)
        {
            ArgumentNullException.ThrowIfNull(setup);
            var configuration = setup.Configuration;
            var classId = configuration.Required("ClassId");
            var type = (Guid.TryParse(classId, out var id) ? ElementGuids.For(setup.Services.Classes).Class(id) : null)
                ?? throw configuration.Problem("ClassId", $"'{classId}' is not the GUID of a class of the imported packs");
            if (type.Abstract)
            {
                throw configuration.Problem("ClassId", $"{type.Name} is abstract; only a concrete class can be discovered");
            }

            var settings = InstanceSetting.ReadAll(configuration, "InstanceSettings", setup.Services.Classes);
            return new Configuration(type, ClassInstanceTemplate.Build(configuration, "InstanceSettings", type, settings, refine: false));
        }
    }

    /// <summary>Makes <see cref="ClassSnapshotDataMapper"/> for <c>System.Discovery.ClassSnapshotDataMapper</c>.</summary>
    public sealed class Factory : NativeModuleFactory
    {
        public override string TypeId => "System.Discovery.ClassSnapshotDataMapper";

        public override ModuleInstance Create(ModuleSetup setup) => new ClassSnapshotDataMapper(Configuration.Read(setup), setup);
    }
}
