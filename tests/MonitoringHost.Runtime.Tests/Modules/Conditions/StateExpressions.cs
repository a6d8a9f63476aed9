namespace MonitoringHost.Runtime.Tests.Modules.Conditions;

/// <summary>The expressions filter tests judge property bags with: their State compared with a value.</summary>
internal static class StateExpressions
{
    /// <summary>State is Down.</summary>
    public static readonly string IsDown = StateIs("Equal", "Down");

    /// <summary><c>Property[@Name='State']</c> compared by <paramref name="comparison"/> (Equal, NotEqual…) with <paramref name="value"/>.</summary>
    public static string StateIs(string comparison, string value) => $"""
        <Expression><SimpleExpression>
          <ValueExpression><XPathQuery Type="String">Property[@Name='State']</XPathQuery></ValueExpression>
          <Operator>{comparison}</Operator>
          <ValueExpression><Value Type="String">{value}</Value></ValueExpression>
        </SimpleExpression></Expression>
        """;
}
