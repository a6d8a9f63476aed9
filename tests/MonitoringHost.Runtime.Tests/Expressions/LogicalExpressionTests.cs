using MonitoringHost.Runtime.DataItems;
using static MonitoringHost.Runtime.Tests.Expressions.Items;

namespace MonitoringHost.Runtime.Tests.Expressions;

public sealed class LogicalExpressionTests
{
    private const string IsA = """<Expression><SimpleExpression><ValueExpression><XPathQuery>Property[@Name='A']</XPathQuery></ValueExpression><Operator>Equal</Operator><ValueExpression><Value>1</Value></ValueExpression></SimpleExpression></Expression>""";
    private const string IsB = """<Expression><SimpleExpression><ValueExpression><XPathQuery>Property[@Name='B']</XPathQuery></ValueExpression><Operator>Equal</Operator><ValueExpression><Value>1</Value></ValueExpression></SimpleExpression></Expression>""";
    private const string HasC = """<Expression><Exists><ValueExpression><XPathQuery>Property[@Name='C']</XPathQuery></ValueExpression></Exists></Expression>""";

    [Theory]
    [InlineData("1", "1", true, true)]
    [InlineData("1", "0", false, true)]
    [InlineData("0", "1", false, true)]
    [InlineData("0", "0", false, false)]
    public void Evaluate_AndOr_CombineTheirChildren(string a, string b, bool and, bool or)
    {
        var item = Bag(("A", a), ("B", b));

        Compile($"<Expression><And>{IsA}{IsB}</And></Expression>").Evaluate(item).Should().Be(and);
        Compile($"<Expression><Or>{IsA}{IsB}</Or></Expression>").Evaluate(item).Should().Be(or);
    }

    [Fact]
    public void Evaluate_SingleChildAndOr_AreThatChild()
    {
        Compile($"<Expression><And>{IsA}</And></Expression>").Evaluate(Bag(("A", "1"))).Should().BeTrue();
        Compile($"<Expression><Or>{IsA}</Or></Expression>").Evaluate(Bag(("A", "0"))).Should().BeFalse();
    }

    [Fact]
    public void Evaluate_ExistsAndNot_AskWhetherThePathSelectsAnything()
    {
        var exists = Compile(HasC);
        var missing = Compile($"<Expression><Not>{HasC}</Not></Expression>");

        exists.Evaluate(Bag(("C", ""))).Should().BeTrue("an empty value still exists");
        exists.Evaluate(Bag(("D", "x"))).Should().BeFalse();
        missing.Evaluate(Bag(("D", "x"))).Should().BeTrue();
        missing.Evaluate(Bag(("C", "x"))).Should().BeFalse();
    }

    [Theory]
    [InlineData("1", "0", null, true)] // A and not C
    [InlineData("1", "0", "x", false)]
    [InlineData("0", "1", "x", true)] // B
    [InlineData("0", "0", null, false)]
    public void Evaluate_NestedExpressions_FollowTheTree(string a, string b, string? c, bool expected)
    {
        // (A and not exists C) or (B and not (not exists C))
        var expression = Compile($"""
            <Expression><Or>
              <Expression><And>{IsA}<Expression><Not>{HasC}</Not></Expression></And></Expression>
              <Expression><And>{IsB}<Expression><Not><Expression><Not>{HasC}</Not></Expression></Not></Expression></And></Expression>
            </Or></Expression>
            """);
        var values = new List<(string, string)> { ("A", a), ("B", b) };
        if (c is not null)
        {
            values.Add(("C", c));
        }

        expression.Evaluate(Bag([.. values])).Should().Be(expected);
    }

    [Fact]
    public void Evaluate_EmptyExpression_PassesEverything()
    {
        Compile("<Expression />").Evaluate(Bag()).Should().BeTrue();
        Compile($"<Expression><And><Expression/>{IsA}</And></Expression>").Evaluate(Bag(("A", "1"))).Should().BeTrue();
    }

    [Theory]
    [InlineData("2024-05-06T09:30:00Z", true)] // Monday 09:30
    [InlineData("2024-05-06T17:00:00Z", false)] // end is exclusive
    [InlineData("2024-05-06T07:59:59Z", false)]
    [InlineData("2024-05-05T09:30:00Z", false)] // Sunday
    [InlineData("not a time", false)]
    public void Evaluate_DayTimeExpression_ChecksTheDailyWindowAndWeekday(string time, bool expected)
    {
        // 08:00 to 17:00, Monday to Friday (2 + 4 + 8 + 16 + 32).
        var inside = Compile("""
            <Expression><DayTimeExpression>
              <ValueExpression><XPathQuery Type="DateTime">Property[@Name='When']</XPathQuery></ValueExpression>
              <StartTime>28800</StartTime><EndTime>61200</EndTime><Days>62</Days>
            </DayTimeExpression></Expression>
            """);
        var outside = Compile("""
            <Expression><DayTimeExpression>
              <ValueExpression><XPathQuery Type="DateTime">Property[@Name='When']</XPathQuery></ValueExpression>
              <StartTime>28800</StartTime><EndTime>61200</EndTime><Days>62</Days><InRange>false</InRange>
            </DayTimeExpression></Expression>
            """);
        var item = Bag(("When", time));

        inside.Evaluate(item).Should().Be(expected);
        outside.Evaluate(item).Should().Be(expected ? false : time != "not a time");
    }

    [Theory]
    [InlineData("2024-05-06T23:30:00Z", true)]
    [InlineData("2024-05-07T01:59:00Z", true)]
    [InlineData("2024-05-07T02:00:00Z", false)]
    [InlineData("2024-05-06T12:00:00Z", false)]
    public void Evaluate_DayTimeWindowPastMidnight_Wraps(string time, bool expected)
    {
        // 22:00 to 02:00 every day.
        var expression = Compile("""
            <Expression><DayTimeExpression>
              <ValueExpression><XPathQuery Type="DateTime">Property[@Name='When']</XPathQuery></ValueExpression>
              <StartTime>79200</StartTime><EndTime>7200</EndTime><Days>127</Days>
            </DayTimeExpression></Expression>
            """);

        expression.Evaluate(Bag(("When", time))).Should().Be(expected);
    }

    [Fact]
    public void Evaluate_EventPaths_ReadTheEventsFields()
    {
        var expression = Compile("""
            <Expression><And>
              <Expression><SimpleExpression>
                <ValueExpression><XPathQuery Type="UnsignedInteger">EventDisplayNumber</XPathQuery></ValueExpression>
                <Operator>Equal</Operator>
                <ValueExpression><Value Type="UnsignedInteger">1000</Value></ValueExpression>
              </SimpleExpression></Expression>
              <Expression><RegExExpression>
                <ValueExpression><XPathQuery Type="String">PublisherName</XPathQuery></ValueExpression>
                <Operator>ContainsSubstring</Operator><Pattern>Contoso</Pattern>
              </RegExExpression></Expression>
              <Expression><Not><Expression><Exists><ValueExpression><XPathQuery>Params/Param[2]</XPathQuery></ValueExpression></Exists></Expression></Not></Expression>
            </And></Expression>
            """);
        var oneParam = new EventData(Time) { EventDisplayNumber = 1000, PublisherName = "Contoso Billing", Params = ["a"] };
        var twoParams = new EventData(Time) { EventDisplayNumber = 1000, PublisherName = "Contoso Billing", Params = ["a", "b"] };
        var otherId = new EventData(Time) { EventDisplayNumber = 1001, PublisherName = "Contoso Billing" };

        expression.Evaluate(oneParam).Should().BeTrue();
        expression.Evaluate(twoParams).Should().BeFalse();
        expression.Evaluate(otherId).Should().BeFalse();
    }
}
