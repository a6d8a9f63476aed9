using System.Collections.Immutable;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Groups.Expressions;
using MonitoringHost.ManagementPacks.Model;

namespace MonitoringHost.Discovery.Groups;

/// <summary>
/// One <c>MembershipRule</c>: every object of <see cref="MonitoringClass"/> (derived classes included) that
/// <see cref="Expression"/> accepts, plus <see cref="IncludeList"/>, minus <see cref="ExcludeList"/>, each joined
/// to the group by a <see cref="RelationshipClass"/> instance (group → member). The exclusions of a rule apply to
/// that rule; the group's members are the union of its rules.
/// </summary>
public sealed record MembershipRule(
    ClassInfo MonitoringClass,
    RelationshipInfo RelationshipClass,
    GroupExpression? Expression,
    ImmutableArray<Guid> IncludeList,
    ImmutableArray<Guid> ExcludeList,
    SourceLocation Location);
