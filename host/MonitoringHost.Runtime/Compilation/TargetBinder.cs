using System.Text.RegularExpressions;
using System.Xml.Linq;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Instances;

namespace MonitoringHost.Runtime.Compilation;

/// <summary>
/// Binds a module configuration to one target object (mp-format.md §5): <c>$Target/Id$</c>,
/// <c>$Target/Property[Type="Alias!Class"]/Prop$</c>, the same through <c>Host/</c> steps up the hosting chain, and
/// <c>$Target/ManagementGroup/Name$</c> / <c>Id$</c>. A property the object's class (or the named host's) does not
/// have, or a host the chain does not reach, fails the binding with a reason: that workflow instance does not load.
/// A property the object has but holds no value for gives empty text.
/// </summary>
public sealed partial class TargetBinder(ClassCatalog classes, Func<Guid, MonitoringObject?> objects, string managementGroupName, Guid managementGroupId)
{
    [GeneratedRegex(@"\$Target/(?<hosts>(?:Host/)*)(?:(?<id>Id)|Property\[Type=[""'](?<type>[^""']+)[""']\]/(?<property>[A-Za-z0-9_.]+)|ManagementGroup/(?<group>Name|Id))\$")]
    private static partial Regex TargetToken();

    /// <summary>A copy of <paramref name="configuration"/> bound to <paramref name="target"/>, or the reason it cannot be.</summary>
    public XElement Bind(XElement configuration, MonitoringObject target)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(target);
        return ConfigurationText.Rewrite(configuration, text => BindText(text, target));
    }

    /// <summary><paramref name="text"/> with its <c>$Target</c> tokens bound to <paramref name="target"/> (an alert parameter, say).</summary>
    public string BindText(string text, MonitoringObject target)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(target);
        return text.Contains("$Target/", StringComparison.Ordinal) ? TargetToken().Replace(text, match => Value(match, target)) : text;
    }

    private string Value(Match match, MonitoringObject target)
    {
        if (match.Groups["group"].Success)
        {
            return match.Groups["group"].Value == "Name" ? managementGroupName : managementGroupId.ToString("D");
        }

        var current = target;
        var hops = match.Groups["hosts"].Value.Length / "Host/".Length;
        for (var i = 0; i < hops; i++)
        {
            current = current.HostId is { } host && objects(host) is { } next
                ? next
                : throw new TargetBindingException(target, match.Value, $"{current.Path} ({current.ClassName}) has no host");
        }

        if (match.Groups["id"].Success)
        {
            return current.Id.ToString("D");
        }

        var type = classes.Class(match.Groups["type"].Value)
            ?? throw new TargetBindingException(target, match.Value, $"'{match.Groups["type"].Value}' is not a class of any imported pack");
        var own = classes.Class(current.ClassName);
        if (own is null || !own.IsA(type))
        {
            throw new TargetBindingException(target, match.Value, $"{current.Path} is a {current.ClassName}, not a {type.Name}");
        }

        var property = match.Groups["property"].Value;
        if (!own.Properties.ContainsKey(property))
        {
            throw new TargetBindingException(target, match.Value, $"{type.Name} has no property {property}");
        }

        return property == "DisplayName" ? current.DisplayName : current[property] ?? "";
    }
}

/// <summary>A <c>$Target</c> token that cannot be bound for an object: the workflow instance does not load.</summary>
public sealed class TargetBindingException(MonitoringObject target, string token, string reason)
    : Exception($"{token} cannot be bound for {target.Path}: {reason}")
{
    public Guid TargetId { get; } = target.Id;

    public string Token { get; } = token;
}
