using System.Xml.Linq;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Expressions;

namespace MonitoringHost.Runtime.Tests.Expressions;

/// <summary>Builds expressions from XML text and the items they are evaluated against.</summary>
internal static class Items
{
    public static readonly DateTimeOffset Time = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    public static ExpressionNode Compile(string xml) => ExpressionCompiler.Compile(XElement.Parse(xml));

    public static PropertyBagData Bag(params (string Name, string Value)[] values) =>
        new(Time, values.Select(v => KeyValuePair.Create(v.Name, v.Value)));

    /// <summary>A SimpleExpression comparing property <paramref name="name"/> (as <paramref name="type"/>) with a constant.</summary>
    public static ExpressionNode Simple(string name, string type, string op, string value, string? valueType = null, string? caseSensitive = null) =>
        Compile($"""
            <Expression><SimpleExpression>
              <ValueExpression><XPathQuery Type="{type}">Property[@Name='{name}']</XPathQuery></ValueExpression>
              <Operator{(caseSensitive is null ? "" : $" CaseSensitive=\"{caseSensitive}\"")}>{op}</Operator>
              <ValueExpression><Value Type="{valueType ?? type}">{value}</Value></ValueExpression>
            </SimpleExpression></Expression>
            """);

    /// <summary>A RegExExpression on property <paramref name="name"/>.</summary>
    public static ExpressionNode Pattern(string name, string op, string pattern) =>
        Compile($"""
            <Expression><RegExExpression>
              <ValueExpression><XPathQuery Type="String">Property[@Name='{name}']</XPathQuery></ValueExpression>
              <Operator>{op}</Operator>
              <Pattern>{new XText(pattern)}</Pattern>
            </RegExExpression></Expression>
            """);
}
