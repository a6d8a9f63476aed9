using System.Collections.Immutable;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.ManagementPacks.Model;

namespace MonitoringHost.Discovery.Groups;

/// <summary>
/// A group as a pack populates it: the discovery whose data source is <c>SC!Microsoft.SystemCenter.GroupPopulator</c>
/// (directly or inside a composite), the group class its <c>GroupInstanceId</c> names, and its membership rules.
/// A singleton group class has one group object; a group populated for <c>$Target/Id$</c> of a keyed class has one
/// group per object of that class.
/// </summary>
public sealed record GroupDefinition(
    string DiscoveryId,
    string PackId,
    SourceLocation Location,
    ClassInfo GroupClass,
    bool Enabled,
    ImmutableArray<MembershipRule> Rules);
