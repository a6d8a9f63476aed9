using System.Collections.Immutable;

namespace MonitoringHost.ManagementPacks.Model;

/// <summary>A <c>ClassType</c>: single inheritance through <see cref="Base"/>, key properties, hosting.</summary>
public sealed record ClassType(
    string Id,
    Accessibility Accessibility,
    SourceLocation Location,
    string? Base,
    bool Abstract,
    bool Hosted,
    bool Singleton,
    bool Extension,
    ImmutableArray<ClassProperty> Properties) : ManagementPackElement(Id, Accessibility, Location)
{
    public override ElementKind Kind => ElementKind.ClassType;
}
