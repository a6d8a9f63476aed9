using System.Collections.Immutable;
using System.Globalization;
using System.Xml.Linq;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Groups.Expressions;
using MonitoringHost.ManagementPacks.Model;

namespace MonitoringHost.Discovery.Groups;

public sealed partial class GroupDefinitionReader
{
    private const string Supported = "SimpleExpression, RegExExpression, UnaryExpression, And, Or, Not, Contains, NotContains, Contained, NotContained";

    private MembershipRule? ReadRule(XElement rule, ManagementPack pack, ClassInfo groupClass)
    {
        var before = _problems.Count;
        var where = Where(rule, pack);
        var classElement = Child(rule, "MonitoringClass");
        var relationshipElement = Child(rule, "RelationshipClass");
        if (classElement is null || relationshipElement is null)
        {
            Problem(where, "a MembershipRule needs a MonitoringClass and a RelationshipClass");
            return null;
        }

        var monitoringClass = ResolveClass(classElement, pack, "MonitoringClass");
        RelationshipInfo? relationship = null;
        if (ResolveToken(relationshipElement, pack, "RelationshipClass", out _) is { } found)
        {
            relationship = found.Element is RelationshipType ? _classes.Relationship(found.Element.Id) : null;
            if (relationship is null)
            {
                Problem(Where(relationshipElement, pack), $"RelationshipClass names {found.Element.Id}, which is not a relationship type");
            }
        }

        if (relationship is not null)
        {
            if (relationship.Abstract || relationship.IsHosting)
            {
                Problem(Where(relationshipElement, pack), $"{relationship.Name} is {(relationship.Abstract ? "abstract" : "a hosting relationship")}; group membership needs a concrete containment or reference relationship");
            }

            if (!groupClass.IsA(relationship.Source))
            {
                Problem(Where(relationshipElement, pack), $"{relationship.Name} starts at {relationship.Source.Name}, but the group is a {groupClass.Name}");
            }

            if (monitoringClass is not null && !monitoringClass.IsA(relationship.Target) && !relationship.Target.IsA(monitoringClass))
            {
                Problem(Where(classElement, pack), $"{relationship.Name} leads to {relationship.Target.Name}; no {monitoringClass.Name} can be one");
            }
        }

        var expressionElement = Child(rule, "Expression");
        var expression = expressionElement is null ? null : ReadExpression(expressionElement, pack);
        var include = ReadIds(Child(rule, "IncludeList"), pack);
        var exclude = ReadIds(Child(rule, "ExcludeList"), pack);
        return _problems.Count > before || monitoringClass is null || relationship is null
            ? null
            : new MembershipRule(monitoringClass, relationship, expression, include, exclude, where);
    }

    private ImmutableArray<Guid> ReadIds(XElement? list, ManagementPack pack)
    {
        if (list is null)
        {
            return [];
        }

        var ids = ImmutableArray.CreateBuilder<Guid>();
        foreach (var item in list.Elements().Where(e => e.Name.LocalName == "MonitoringObjectId"))
        {
            if (Guid.TryParse(item.Value.Trim(), out var id))
            {
                ids.Add(id);
            }
            else
            {
                Problem(Where(item, pack), $"MonitoringObjectId '{item.Value.Trim()}' is not a GUID");
            }
        }

        return ids.ToImmutable();
    }

    /// <summary>Reads an <c>Expression</c> element (which holds exactly one node).</summary>
    private GroupExpression? ReadExpression(XElement expression, ManagementPack pack)
    {
        var nodes = expression.Elements().ToList();
        if (nodes.Count != 1)
        {
            Problem(Where(expression, pack), $"an Expression holds one node ({Supported}); this one holds {nodes.Count}");
            return null;
        }

        var node = nodes[0];
        switch (node.Name.LocalName)
        {
            case "And" or "Or":
                var operands = node.Elements().Where(e => e.Name.LocalName == "Expression").Select(e => ReadExpression(e, pack)).ToList();
                if (operands.Count == 0)
                {
                    Problem(Where(node, pack), $"{node.Name.LocalName} has no Expression inside");
                    return null;
                }

                return operands.Any(o => o is null) ? null
                    : node.Name.LocalName == "And" ? new AndExpression([.. operands!]) : new OrExpression([.. operands!]);
            case "Not":
                var inner = node.Elements().Where(e => e.Name.LocalName == "Expression").ToList();
                if (inner.Count != 1)
                {
                    Problem(Where(node, pack), "Not holds exactly one Expression");
                    return null;
                }

                return ReadExpression(inner[0], pack) is { } negated ? new NotExpression(negated) : null;
            case "SimpleExpression":
                return ReadSimple(node, pack);
            case "RegExExpression":
                return ReadRegEx(node, pack);
            case "UnaryExpression":
                return ReadUnary(node, pack);
            case "Contains" or "NotContains" or "Contained" or "NotContained":
                return ReadContainment(node, pack);
            default:
                Problem(Where(node, pack), $"{node.Name.LocalName} is not part of the group membership expression dialect (supported: {Supported})");
                return null;
        }
    }

    private GroupExpression? ReadSimple(XElement node, ManagementPack pack)
    {
        var values = node.Elements().Where(e => e.Name.LocalName == "ValueExpression").ToList();
        var op = Child(node, "Operator")?.Value.Trim();
        if (values.Count != 2 || op is null)
        {
            Problem(Where(node, pack), "a SimpleExpression holds ValueExpression, Operator, ValueExpression");
            return null;
        }

        var left = ReadValue(values[0], pack);
        var right = ReadValue(values[1], pack);
        if (left is null || right is null)
        {
            return null;
        }

        if (op is "Like" or "NotLike")
        {
            // A Like pattern is the literal side; the other side is the value tested.
            var (value, pattern) = right is LiteralOperand r ? (left, r.Value) : left is LiteralOperand l ? (right, l.Value) : (null, null);
            if (value is null || pattern is null)
            {
                Problem(Where(node, pack), $"{op} compares a property with a literal pattern");
                return null;
            }

            return Pattern(node, pack, value, op == "Like" ? PatternOperator.Like : PatternOperator.NotLike, pattern);
        }

        if (!Enum.TryParse<ComparisonOperator>(op, ignoreCase: false, out var comparison) || !Enum.IsDefined(comparison))
        {
            Problem(Where(node, pack), $"'{op}' is not a SimpleExpression operator (Equal, NotEqual, Greater, Less, GreaterEqual, LessEqual, Like, NotLike)");
            return null;
        }

        return new ComparisonExpression(left, comparison, right);
    }

    private PatternExpression? ReadRegEx(XElement node, ManagementPack pack)
    {
        var valueElement = Child(node, "ValueExpression");
        var op = Child(node, "Operator")?.Value.Trim();
        var pattern = Child(node, "Pattern")?.Value;
        if (valueElement is null || op is null || pattern is null)
        {
            Problem(Where(node, pack), "a RegExExpression holds ValueExpression, Operator, Pattern");
            return null;
        }

        if (!Enum.TryParse<PatternOperator>(op, ignoreCase: false, out var patternOperator) || !Enum.IsDefined(patternOperator) || patternOperator is PatternOperator.Like or PatternOperator.NotLike)
        {
            Problem(Where(node, pack), $"'{op}' is not a RegExExpression operator (MatchesWildcard, ContainsSubstring, MatchesRegularExpression, DoesNotMatchWildcard, DoesNotContainSubstring, DoesNotMatchRegularExpression)");
            return null;
        }

        return ReadValue(valueElement, pack) is { } value ? Pattern(node, pack, value, patternOperator, pattern) : null;
    }

    private PatternExpression? Pattern(XElement node, ManagementPack pack, ValueOperand value, PatternOperator op, string pattern)
    {
        try
        {
            return new PatternExpression(value, op, pattern, PatternTranslation.Compile(op, pattern));
        }
        catch (ArgumentException e)
        {
            Problem(Where(node, pack), $"the pattern '{pattern}' is not valid for {op}: {e.Message}");
            return null;
        }
    }

    private NullTestExpression? ReadUnary(XElement node, ManagementPack pack)
    {
        var valueElement = Child(node, "ValueExpression");
        var op = Child(node, "Operator")?.Value.Trim();
        if (valueElement is null || op is not ("IsNull" or "IsNotNull"))
        {
            Problem(Where(node, pack), $"a UnaryExpression holds a ValueExpression and the Operator IsNull or IsNotNull{(op is null ? "" : $", not '{op}'")}");
            return null;
        }

        return ReadValue(valueElement, pack) is { } value ? new NullTestExpression(value, op == "IsNull") : null;
    }

    private ContainmentExpression? ReadContainment(XElement node, ManagementPack pack)
    {
        var kind = Enum.Parse<ContainmentKind>(node.Name.LocalName);
        var classElement = Child(node, "MonitoringClass");
        if (classElement is null)
        {
            Problem(Where(node, pack), $"{kind} needs a MonitoringClass");
            return null;
        }

        int? maxDepth = null;
        if (node.Attribute("maxDepth") is { } depthAttribute)
        {
            if (!int.TryParse(depthAttribute.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var depth) || depth < 1)
            {
                Problem(Where(node, pack), $"maxDepth '{depthAttribute.Value}' is not a whole number of at least 1");
                return null;
            }

            maxDepth = depth;
        }

        // $Target/Id$ names the group object itself (the discovery targets the group): "contained in this group".
        var type = classElement.Value.Trim() == "$Target/Id$" ? null : ResolveClass(classElement, pack, $"the MonitoringClass of {kind}");
        if (type is null && classElement.Value.Trim() != "$Target/Id$")
        {
            return null;
        }

        var nested = Child(node, "Expression");
        var expression = nested is null ? null : ReadExpression(nested, pack);
        return nested is not null && expression is null ? null : new ContainmentExpression(kind, type, expression, maxDepth);
    }

    private ValueOperand? ReadValue(XElement valueExpression, ManagementPack pack)
    {
        var inner = valueExpression.Elements().FirstOrDefault();
        switch (inner?.Name.LocalName)
        {
            case "Value":
                if (inner.Value.Contains("$Target/", StringComparison.Ordinal) || inner.Value.Contains("$MPElement", StringComparison.Ordinal))
                {
                    Problem(Where(inner, pack), $"the Value '{inner.Value}' holds a substitution token; group rules compare with literal values");
                    return null;
                }

                return new LiteralOperand(inner.Value.Replace("$$", "$", StringComparison.Ordinal));
            case "GenericProperty":
                if (Enum.TryParse<GenericProperty>(inner.Value.Trim(), ignoreCase: true, out var generic) && Enum.IsDefined(generic))
                {
                    return new GenericPropertyOperand(generic);
                }

                Problem(Where(inner, pack), $"'{inner.Value.Trim()}' is not a generic property (Id, DisplayName, Name, Path, FullName)");
                return null;
            case "Property":
                return ReadProperty(inner, pack);
            case "XPathQuery":
                Problem(Where(inner, pack), "XPathQuery belongs to the filter dialect; a group rule reads a Property, a GenericProperty or a Value");
                return null;
            default:
                Problem(Where(valueExpression, pack), "a ValueExpression holds a Property, a GenericProperty or a Value");
                return null;
        }
    }

    private ValueOperand? ReadProperty(XElement element, ManagementPack pack)
    {
        if (ResolveToken(element, pack, "Property", out var property) is not { } found)
        {
            return null;
        }

        if (property is null)
        {
            Problem(Where(element, pack), $"Property '{element.Value.Trim()}' names no property; write $MPElement[Name=\"Alias!Class\"]/Property$");
            return null;
        }

        if (found.Element is not ClassType || _classes.Class(found.Element.Id) is not { } type)
        {
            Problem(Where(element, pack), $"Property '{element.Value.Trim()}' reads {found.Element.Id}, which is not a class");
            return null;
        }

        if (type.Properties.TryGetValue(property, out var info))
        {
            return new PropertyOperand(type, info);
        }

        if (Enum.TryParse<GenericProperty>(property, ignoreCase: false, out var generic) && Enum.IsDefined(generic))
        {
            return new GenericPropertyOperand(generic);
        }

        Problem(Where(element, pack), $"{type.Name} and its bases have no property '{property}'");
        return null;
    }
}
