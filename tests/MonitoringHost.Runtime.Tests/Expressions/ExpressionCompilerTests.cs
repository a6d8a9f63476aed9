using System.Xml.Linq;
using MonitoringHost.Runtime.Expressions;
using MonitoringHost.Runtime.Modules;
using static MonitoringHost.Runtime.Tests.Expressions.Items;

namespace MonitoringHost.Runtime.Tests.Expressions;

public sealed class ExpressionCompilerTests
{
    private const string Value = "<ValueExpression><XPathQuery>Property[@Name='A']</XPathQuery></ValueExpression>";
    private const string One = "<ValueExpression><Value>1</Value></ValueExpression>";

    [Theory]
    [InlineData("<Expression><Simple/></Expression>", "Expression/Simple", "is not an expression")]
    [InlineData("<Expression><And/></Expression>", "Expression/And", "at least one Expression")]
    [InlineData("<Expression><And><SimpleExpression/></And></Expression>", "Expression/And/SimpleExpression", "only Expression")]
    [InlineData("<Expression><Not/></Expression>", "Expression/Not", "Expression is missing")]
    [InlineData("<Expression><Or><Expression/><Expression><Not/></Expression></Or></Expression>", "Expression/Or/Expression[2]/Not", "Expression is missing")]
    [InlineData("<Expression>text</Expression>", "Expression", "holds text")]
    [InlineData("<Expression><Not/><Not/></Expression>", "Expression", "holds 2")]
    [InlineData("<Expression><SimpleExpression>" + Value + "<Operator>Equals</Operator>" + One + "</SimpleExpression></Expression>", "Expression/SimpleExpression/Operator", "'Equals' is not a comparison")]
    [InlineData("<Expression><SimpleExpression>" + Value + "<Operator CaseSensitive='yes'>Equal</Operator>" + One + "</SimpleExpression></Expression>", "Expression/SimpleExpression/Operator/@CaseSensitive", "'yes' is not true or false")]
    [InlineData("<Expression><SimpleExpression>" + Value + "<Operator>Equal</Operator></SimpleExpression></Expression>", "Expression/SimpleExpression", "ValueExpression is missing")]
    [InlineData("<Expression><SimpleExpression><Operator>Equal</Operator>" + Value + One + "</SimpleExpression></Expression>", "Expression/SimpleExpression", "found <Operator>")]
    [InlineData("<Expression><SimpleExpression><ValueExpression/><Operator>Equal</Operator>" + One + "</SimpleExpression></Expression>", "Expression/SimpleExpression/ValueExpression[1]", "one XPathQuery or one Value")]
    [InlineData("<Expression><SimpleExpression><ValueExpression><XPathQuery Type='Int'>A</XPathQuery></ValueExpression><Operator>Equal</Operator>" + One + "</SimpleExpression></Expression>", "Expression/SimpleExpression/ValueExpression[1]/XPathQuery/@Type", "'Int' is not a value type")]
    [InlineData("<Expression><SimpleExpression><ValueExpression><XPathQuery>Values///X</XPathQuery></ValueExpression><Operator>Equal</Operator>" + One + "</SimpleExpression></Expression>", "Expression/SimpleExpression/ValueExpression[1]/XPathQuery", "*empty step*")]
    [InlineData("<Expression><SimpleExpression>" + Value + "<Operator>Equal</Operator><ValueExpression><Value Type='Integer'>ten</Value></ValueExpression></SimpleExpression></Expression>", "Expression/SimpleExpression/ValueExpression[2]/Value", "'ten' is not a Integer")]
    [InlineData("<Expression><RegExExpression>" + Value + "<Operator>Like</Operator><Pattern>x</Pattern></RegExExpression></Expression>", "Expression/RegExExpression/Operator", "'Like' is not a pattern operator*")]
    [InlineData("<Expression><RegExExpression>" + Value + "<Operator>MatchesRegularExpression</Operator><Pattern>(unclosed</Pattern></RegExExpression></Expression>", "Expression/RegExExpression/Pattern", "'(unclosed' is not a valid pattern*")]
    [InlineData("<Expression><RegExExpression>" + Value + "<Operator>MatchesWildcard</Operator><Pattern>ab[cd</Pattern></RegExExpression></Expression>", "Expression/RegExExpression/Pattern", "'ab[cd' has an unclosed '[' at position 3")]
    [InlineData("<Expression><RegExExpression>" + Value + "<Operator>MatchesWildcard</Operator><Pattern>a[!]</Pattern></RegExExpression></Expression>", "Expression/RegExExpression/Pattern", "'a[!]' has an empty set at position 2")]
    [InlineData("<Expression><Exists>" + One + "</Exists></Expression>", "Expression/Exists/ValueExpression", "must be an XPathQuery*")]
    [InlineData("<Expression><DayTimeExpression>" + Value + "<StartTime>90000</StartTime><EndTime>0</EndTime><Days>1</Days></DayTimeExpression></Expression>", "Expression/DayTimeExpression/StartTime", "'90000' is not a whole number from 0 to 86400")]
    public void Compile_MalformedExpression_NamesTheElement(string xml, string element, string problem)
    {
        var compile = () => Compile(xml);

        var thrown = compile.Should().Throw<InvalidExpressionException>().Which;
        thrown.Element.Should().Be(element);
        thrown.Problem.Should().Match(problem.Contains('*', StringComparison.Ordinal) ? problem : $"*{problem}*");
        thrown.Message.Should().StartWith(element);
    }

    [Fact]
    public void Compile_WithModuleConfiguration_ReportsTheProblemAsThatModules()
    {
        var configuration = new ModuleConfiguration(XElement.Parse("<ConditionDetection><Expression><Not/></Expression></ConditionDetection>"), "Pack!Rule", "Filter");

        var compile = () => ExpressionCompiler.Compile(configuration.RequiredChild("Expression"), configuration.Problem);

        var thrown = compile.Should().Throw<ModuleConfigurationException>().Which;
        thrown.Field.Should().Be("Expression/Not");
        thrown.Message.Should().Be("Pack!Rule, module Filter: Expression/Not must hold Expression; Expression is missing");
    }

    [Fact]
    public void Compile_CommentsInsideElements_AreIgnored()
    {
        var expression = Compile("""
            <Expression>
              <!-- a note -->
              <RegExExpression>
                <ValueExpression>
                  <XPathQuery Type="String">Property[@Name='A']</XPathQuery>
                  <!-- Common options for XPathQuery Type are "Boolean" "String" "Integer" "Double" -->
                </ValueExpression>
                <Operator>ContainsSubstring</Operator>
                <Pattern>x</Pattern>
              </RegExExpression>
            </Expression>
            """);

        expression.Evaluate(Bag(("A", "axb"))).Should().BeTrue();
    }
}
