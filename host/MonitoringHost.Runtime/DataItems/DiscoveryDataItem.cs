using System.Xml;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Instances;

namespace MonitoringHost.Runtime.DataItems;

/// <summary>
/// <c>System.Discovery.Data</c>: what a discovery's data source outputs, carried as the instance space's own
/// <see cref="DiscoveryData"/> so that the discovery sink applies it without reading XML back.
/// </summary>
public sealed class DiscoveryDataItem : DataItem
{
    public DiscoveryDataItem(DateTimeOffset time, DiscoveryData data)
        : base(time)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
    }

    public override string TypeName => "System.Discovery.Data";

    public DiscoveryData Data { get; }

    /// <summary>
    /// The source a discovery workflow instance submits as: the discovery's element ID (the instance space looks the
    /// discovery up by it to check the types it declares) and the target object. <paramref name="workflowId"/> may
    /// name the pack too (<c>Pack!Element</c>, as <c>ModuleSetup.WorkflowId</c> does).
    /// </summary>
    public static DiscoverySource WorkflowSource(string workflowId, Guid targetId)
    {
        ArgumentNullException.ThrowIfNull(workflowId);
        var bang = workflowId.LastIndexOf('!');
        return DiscoverySource.Workflow(bang < 0 ? workflowId : workflowId[(bang + 1)..], targetId);
    }

    /// <summary>
    /// Several items of one source as one snapshot: a probe that outputs a batch (one WMI row per instance) has each
    /// row mapped on its own, and only their union is the source's complete claim.
    /// </summary>
    public static DiscoveryDataItem Combine(DateTimeOffset time, IReadOnlyList<DiscoveryDataItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            throw new ArgumentException("there is nothing to combine", nameof(items));
        }

        var source = items[0].Data.Source;
        if (items.FirstOrDefault(i => i.Data.Source != source || i.Data.Mode != DiscoveryMode.Snapshot) is { } other)
        {
            throw new ArgumentException($"only snapshots of one source combine; {other.Data.Source} ({other.Data.Mode}) is not {source} (Snapshot)", nameof(items));
        }

        return new DiscoveryDataItem(time, DiscoveryData.Snapshot(
            source,
            [.. items.SelectMany(i => i.Data.Objects)],
            [.. items.SelectMany(i => i.Data.Relationships)]));
    }

    /// <summary>
    /// Packs do not read into discovery data with XPath (its consumers are the mappers' sinks), so no path selects
    /// anything beyond <c>@time</c> and <c>@type</c>.
    /// </summary>
    protected override string? SelectValue(DataPath path) => null;

    /// <summary>
    /// Operations Manager's discovery data shape with this host's names in place of GUIDs: <c>DiscoveryMode</c>
    /// (Snapshot or Incremental) and <c>DiscoverySource</c>, then <c>ClassInstances/ClassInstance[@TypeId]</c> with
    /// <c>Settings/Setting/Name|Value</c> per property (no <c>Value</c> for a null one) and the host as a nested
    /// <c>Host[@TypeId]</c> of the same shape, and <c>RelationshipInstances/RelationshipInstance</c> with
    /// <c>TypeId</c>, <c>SourceTypeId</c>, <c>TargetTypeId</c> and its ends in <c>SourceRole</c> and <c>TargetRole</c>.
    /// An incremental submission's removals follow in <c>RemovedClassInstances</c> and <c>RemovedRelationshipInstances</c>.
    /// </summary>
    protected override void WriteContent(XmlWriter writer)
    {
        DataItemXml.Element(writer, "DiscoveryMode", Data.Mode.ToString());
        DataItemXml.Element(writer, "DiscoverySource", Data.Source.Value);
        WriteObjects(writer, "ClassInstances", Data.Objects);
        WriteRelationships(writer, "RelationshipInstances", Data.Relationships);
        if (Data.RemovedObjects.Count > 0)
        {
            WriteObjects(writer, "RemovedClassInstances", Data.RemovedObjects);
        }

        if (Data.RemovedRelationships.Count > 0)
        {
            WriteRelationships(writer, "RemovedRelationshipInstances", Data.RemovedRelationships);
        }
    }

    private static void WriteObjects(XmlWriter writer, string name, IReadOnlyList<ObjectData> objects)
    {
        writer.WriteStartElement(name);
        foreach (var instance in objects)
        {
            WriteObject(writer, "ClassInstance", instance, withTypeId: true);
        }

        writer.WriteEndElement();
    }

    private static void WriteRelationships(XmlWriter writer, string name, IReadOnlyList<RelationshipData> relationships)
    {
        writer.WriteStartElement(name);
        foreach (var relationship in relationships)
        {
            writer.WriteStartElement("RelationshipInstance");
            DataItemXml.Attribute(writer, "TypeId", relationship.TypeName);
            DataItemXml.Attribute(writer, "SourceTypeId", relationship.Source.ClassName);
            DataItemXml.Attribute(writer, "TargetTypeId", relationship.Target.ClassName);
            WriteObject(writer, "SourceRole", relationship.Source, withTypeId: false);
            WriteObject(writer, "TargetRole", relationship.Target, withTypeId: false);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void WriteObject(XmlWriter writer, string name, ObjectData instance, bool withTypeId)
    {
        writer.WriteStartElement(name);
        if (withTypeId)
        {
            DataItemXml.Attribute(writer, "TypeId", instance.ClassName);
        }

        writer.WriteStartElement("Settings");
        foreach (var (property, value) in instance.Properties)
        {
            writer.WriteStartElement("Setting");
            DataItemXml.Element(writer, "Name", property);
            DataItemXml.Element(writer, "Value", value);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        if (instance.Host is { } host)
        {
            WriteObject(writer, "Host", host, withTypeId: true);
        }

        writer.WriteEndElement();
    }
}
