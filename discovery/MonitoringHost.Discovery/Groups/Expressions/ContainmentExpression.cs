using MonitoringHost.Discovery.Classes;

namespace MonitoringHost.Discovery.Groups.Expressions;

/// <summary>
/// <c>Contains</c>, <c>NotContains</c>, <c>Contained</c>, <c>NotContained</c>: a walk through hosting and containment
/// relationships (recursively, at most <see cref="MaxDepth"/> steps when given) looking for an object of
/// <see cref="Class"/> (derived classes included) that <see cref="Expression"/> accepts. When <see cref="Class"/> is
/// null the clause named <c>$Target/Id$</c>: the match is the group object itself.
/// </summary>
public sealed record ContainmentExpression(ContainmentKind Kind, ClassInfo? Class, GroupExpression? Expression, int? MaxDepth) : GroupExpression
{
    public bool MatchesGroupObject => Class is null;

    public bool Downward => Kind is ContainmentKind.Contains or ContainmentKind.NotContains;

    public bool Negated => Kind is ContainmentKind.NotContains or ContainmentKind.NotContained;
}
