using System.Collections.Immutable;
using System.Text;
using System.Xml.Linq;

namespace MonitoringHost.Runtime.DataItems;

/// <summary>
/// An element inside a data item whose shape the item's kind does not fix (the <c>EventData</c> of an event, an
/// SNMP trap's variable bindings…): a name, attributes, and either text or child elements. Kept as a small
/// immutable tree so that <see cref="DataPath"/> steps walk it without an XML document per item.
/// </summary>
public sealed class DataNode
{
    public DataNode(string name, string? value, IEnumerable<KeyValuePair<string, string>>? attributes = null, IEnumerable<DataNode>? children = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Value = value;
        Attributes = attributes?.ToImmutableArray() ?? [];
        Children = children?.ToImmutableArray() ?? [];
    }

    public string Name { get; }

    /// <summary>The element's own text; null for an element that only has children.</summary>
    public string? Value { get; }

    public ImmutableArray<KeyValuePair<string, string>> Attributes { get; }

    public ImmutableArray<DataNode> Children { get; }

    /// <summary>A text element: <c>&lt;name&gt;value&lt;/name&gt;</c>.</summary>
    public static DataNode Text(string name, string value) => new(name, value);

    /// <summary>An element with children only.</summary>
    public static DataNode Element(string name, params DataNode[] children) => new(name, null, null, children);

    /// <summary>The node form of <paramref name="element"/> (namespaces dropped, as <see cref="DataPath"/> ignores prefixes).</summary>
    public static DataNode FromXml(XElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var attributes = element.Attributes().Where(a => !a.IsNamespaceDeclaration)
            .Select(a => KeyValuePair.Create(a.Name.LocalName, a.Value));
        return element.HasElements
            ? new DataNode(element.Name.LocalName, null, attributes, element.Elements().Select(FromXml))
            : new DataNode(element.Name.LocalName, element.Value, attributes);
    }

    /// <summary>The XPath string value: the element's text, or its descendants' text joined.</summary>
    public string StringValue()
    {
        if (Value is not null || Children.IsEmpty)
        {
            return Value ?? "";
        }

        var text = new StringBuilder();
        AppendText(text);
        return text.ToString();
    }

    public string? Attribute(string name)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Key == name)
            {
                return attribute.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// The text <paramref name="steps"/> select below <paramref name="nodes"/> (the first step matches one of them),
    /// or null when nothing is there.
    /// </summary>
    public static string? Select(ImmutableArray<DataNode> nodes, ReadOnlySpan<DataPathStep> steps)
    {
        if (steps.IsEmpty)
        {
            return null;
        }

        var step = steps[0];
        if (step.IsAttribute)
        {
            return null; // attributes belong to a node, handled by the caller's last element step
        }

        if (step.IsDescendant)
        {
            return SelectAtAnyDepth(nodes, step with { IsDescendant = false }, steps[1..]);
        }

        var node = Match(nodes, step);
        return node is null ? null : Rest(node, steps[1..]);
    }

    // What the steps after an element's own step select from it: its text, an attribute, or below it.
    private static string? Rest(DataNode node, ReadOnlySpan<DataPathStep> rest) =>
        rest.Length switch
        {
            0 => node.StringValue(),
            1 when rest[0].IsAttribute => node.Attribute(rest[0].Name),
            _ => Select(node.Children, rest),
        };

    // '//step/rest': the step among these nodes and, in document order, among the children of every node below them;
    // the first (in document order) from which the rest selects something.
    private static string? SelectAtAnyDepth(ImmutableArray<DataNode> nodes, DataPathStep step, ReadOnlySpan<DataPathStep> rest)
    {
        var seen = 0;
        foreach (var node in nodes)
        {
            if (Matches(node, step, ref seen) && Rest(node, rest) is { } found)
            {
                return found;
            }

            if (SelectAtAnyDepth(node.Children, step, rest) is { } below)
            {
                return below;
            }
        }

        return null;
    }

    // Whether node, the next of its siblings, matches step; seen counts the siblings of the step's name so far.
    private static bool Matches(DataNode node, DataPathStep step, ref int seen)
    {
        if (node.Name != step.Name)
        {
            return false;
        }

        if (step.ChildName is not null)
        {
            return node.Children.Any(c => c.Name == step.ChildName && c.StringValue() == step.ChildValue);
        }

        if (step.AttributeName is not null)
        {
            return node.Attribute(step.AttributeName) == step.AttributeValue;
        }

        seen++;
        return step.Position == 0 || seen == step.Position;
    }

    private static DataNode? Match(ImmutableArray<DataNode> nodes, DataPathStep step)
    {
        var seen = 0;
        foreach (var node in nodes)
        {
            if (Matches(node, step, ref seen))
            {
                return node;
            }
        }

        return null;
    }

    private void AppendText(StringBuilder text)
    {
        if (Value is not null)
        {
            text.Append(Value);
            return;
        }

        foreach (var child in Children)
        {
            child.AppendText(text);
        }
    }
}
