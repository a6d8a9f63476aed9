using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Discovery;

/// <summary>
/// <c>System.Discovery.RelationshipSnapshotDataMapper</c>: maps each item to discovery data holding one
/// relationship of <c>RelationshipId</c> between the objects its role settings name (both must exist or be
/// discovered), as a snapshot of the discovery workflow instance.
/// </summary>
public sealed class RelationshipSnapshotDataMapper : ConditionModule
{
    private readonly DiscoverySource _source;
    private readonly TimeProvider _time;

    private RelationshipSnapshotDataMapper(Configuration configuration, ModuleSetup setup)
    {
        Settings = configuration;
        _source = DiscoveryDataItem.WorkflowSource(setup.WorkflowId, setup.Target.Id);
        _time = setup.Services.Time;
    }

    public Configuration Settings { get; }

    public override DataItem? Evaluate(DataItem input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var relationship = new RelationshipData(Settings.Relationship.Name, Settings.Source.Render(input), Settings.Target.Render(input));
        return new DiscoveryDataItem(_time.GetUtcNow(), DiscoveryData.Snapshot(_source, [], [relationship]));
    }

    /// <summary>The relationship type and how each item names its two ends.</summary>
    public sealed record Configuration(RelationshipInfo Relationship, ClassInstanceTemplate Source, ClassInstanceTemplate Target)
    {
        public static Configuration Read(ModuleSetup setup)
        {
            ArgumentNullException.ThrowIfNull(setup);
            var configuration = setup.Configuration;
            var guids = ElementGuids.For(setup.Services.Classes);
            var relationshipId = configuration.Required("RelationshipId");
            var type = (Guid.TryParse(relationshipId, out var id) ? guids.Relationship(id) : null)
                ?? throw configuration.Problem("RelationshipId", $"'{relationshipId}' is not the GUID of a relationship type of the imported packs");
            if (type.Abstract)
            {
                throw configuration.Problem("RelationshipId", $"{type.Name} is abstract; only a concrete relationship type can be discovered");
            }

            // The instance space keeps no relationship properties, and the relationship types it imports declare
            // none, so a setting here could only be lost: refuse it rather than drop it.
            if (InstanceSetting.ReadAll(configuration, "InstanceSettings", setup.Services.Classes) is [var setting, ..])
            {
                throw configuration.Problem(setting.Field + "/Name", $"{type.Name} has no property '{setting.Property.Id}' (relationship instances carry no properties here)");
            }

            return new Configuration(
                type,
                End(setup, guids, "Source", type.Source),
                End(setup, guids, "Target", type.Target));
        }

        /// <summary>
        /// One end: of <c>{role}TypeId</c> when given (the class or a class derived from the relationship's end),
        /// else of the end class, made more specific by settings of a derived class.
        /// </summary>
        private static ClassInstanceTemplate End(ModuleSetup setup, ElementGuids guids, string role, ClassInfo endClass)
        {
            var configuration = setup.Configuration;
            var settings = InstanceSetting.ReadAll(configuration, role + "RoleSettings", setup.Services.Classes);
            if (configuration.Optional(role + "TypeId") is not { Length: > 0 } typeId)
            {
                return ClassInstanceTemplate.Build(configuration, role + "RoleSettings", endClass, settings, refine: true);
            }

            var type = (Guid.TryParse(typeId, out var id) ? guids.Class(id) : null)
                ?? throw configuration.Problem(role + "TypeId", $"'{typeId}' is not the GUID of a class of the imported packs");
            if (!type.IsA(endClass))
            {
                throw configuration.Problem(role + "TypeId", $"{type.Name} is not a {endClass.Name}, the {role.ToLowerInvariant()} of the relationship type");
            }

            return ClassInstanceTemplate.Build(configuration, role + "RoleSettings", type, settings, refine: false);
        }
    }

    /// <summary>Makes <see cref="RelationshipSnapshotDataMapper"/> for <c>System.Discovery.RelationshipSnapshotDataMapper</c>.</summary>
    public sealed class Factory : NativeModuleFactory
    {
        public override string TypeId => "System.Discovery.RelationshipSnapshotDataMapper";

        public override ModuleInstance Create(ModuleSetup setup) => new RelationshipSnapshotDataMapper(Configuration.Read(setup), setup);
    }
}
