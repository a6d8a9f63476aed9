using MonitoringHost.Discovery.Classes;

namespace MonitoringHost.Discovery.Groups.Expressions;

/// <summary>
/// <c>&lt;Property&gt;$MPElement[Name="Alias!Class"]/Prop$&lt;/Property&gt;</c>: the property's value on an object of
/// <see cref="Class"/> (or a derived class); objects of other classes have no value.
/// </summary>
public sealed record PropertyOperand(ClassInfo Class, PropertyInfo Property) : ValueOperand;
