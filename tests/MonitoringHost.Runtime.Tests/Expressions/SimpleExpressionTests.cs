using static MonitoringHost.Runtime.Tests.Expressions.Items;

namespace MonitoringHost.Runtime.Tests.Expressions;

public sealed class SimpleExpressionTests
{
    [Theory]
    [InlineData("Equal", "5", "5", true)]
    [InlineData("Equal", "5", "6", false)]
    [InlineData("NotEqual", "5", "6", true)]
    [InlineData("NotEqual", "5", "5", false)]
    [InlineData("Greater", "10", "9", true)]
    [InlineData("Greater", "9", "9", false)]
    [InlineData("Less", "-3", "2", true)]
    [InlineData("Less", "2", "2", false)]
    [InlineData("GreaterEqual", "2", "2", true)]
    [InlineData("GreaterEqual", "1", "2", false)]
    [InlineData("LessEqual", "2", "2", true)]
    [InlineData("LessEqual", "3", "2", false)]
    public void Evaluate_IntegerOperators_CompareNumerically(string op, string actual, string constant, bool expected)
    {
        Simple("N", "Integer", op, constant).Evaluate(Bag(("N", actual))).Should().Be(expected);
    }

    [Theory]
    [InlineData("10", "9", true)] // as strings "10" < "9"; as numbers it is greater
    [InlineData("9", "10", false)]
    public void Evaluate_StringType_OrdersOrdinally(string actual, string constant, bool expectedLess)
    {
        Simple("N", "String", "Less", constant).Evaluate(Bag(("N", actual))).Should().Be(expectedLess);
        Simple("N", "Integer", "Less", constant).Evaluate(Bag(("N", actual))).Should().Be(!expectedLess);
    }

    [Theory]
    [InlineData("UnsignedInteger", "18446744073709551615", "Greater", "18446744073709551614", true)]
    [InlineData("UnsignedInteger", "7", "Equal", "7", true)]
    [InlineData("Double", "2.5", "Greater", "2.25", true)]
    [InlineData("Double", "1e3", "Equal", "1000", true)]
    [InlineData("Double", "-0.5", "Less", "0", true)]
    [InlineData("Boolean", "True", "Equal", "true", true)]
    [InlineData("Boolean", "1", "Equal", "true", true)]
    [InlineData("Boolean", "false", "Less", "true", true)]
    [InlineData("Boolean", "False", "Equal", "true", false)]
    [InlineData("DateTime", "2024-05-06T07:08:09Z", "Greater", "2024-05-06T07:08:08Z", true)]
    [InlineData("DateTime", "2024-05-06T09:08:09+02:00", "Equal", "2024-05-06T07:08:09Z", true)]
    [InlineData("DateTime", "05/06/2024 07:08:09", "Equal", "2024-05-06T07:08:09Z", true)]
    [InlineData("Duration", "PT5M", "Equal", "00:05:00", true)]
    [InlineData("Duration", "P1DT1.5S", "Greater", "1.00:00:01", true)]
    [InlineData("Duration", "-PT1H", "Less", "PT0S", true)]
    public void Evaluate_Types_CastBothSides(string type, string actual, string op, string constant, bool expected)
    {
        Simple("V", type, op, constant).Evaluate(Bag(("V", actual))).Should().Be(expected);
    }

    [Theory]
    [InlineData("Integer", "abc")]
    [InlineData("Integer", "3.5")]
    [InlineData("UnsignedInteger", "-1")]
    [InlineData("Double", "NaN")]
    [InlineData("Boolean", "yes")]
    [InlineData("DateTime", "yesterday")]
    [InlineData("Duration", "P1Y")]
    public void Evaluate_FailedCast_MakesEveryOperatorFalse(string type, string actual)
    {
        var constant = type switch
        {
            "Boolean" => "true",
            "DateTime" => "2024-01-01T00:00:00Z",
            "Duration" => "PT1S",
            _ => "1",
        };
        foreach (var op in new[] { "Equal", "NotEqual", "Greater", "Less", "GreaterEqual", "LessEqual" })
        {
            Simple("V", type, op, constant).Evaluate(Bag(("V", actual))).Should().BeFalse($"{op} on a {type} that does not cast");
        }
    }

    [Fact]
    public void Evaluate_MissingValue_MakesEqualAndNotEqualFalse()
    {
        var item = Bag(("Other", "1"));

        Simple("V", "String", "Equal", "1").Evaluate(item).Should().BeFalse();
        Simple("V", "String", "NotEqual", "1").Evaluate(item).Should().BeFalse();
        Simple("V", "Integer", "NotEqual", "1").Evaluate(item).Should().BeFalse();
    }

    [Fact]
    public void Evaluate_Strings_IgnoreCaseUnlessCaseSensitive()
    {
        var item = Bag(("State", "Running"));

        Simple("State", "String", "Equal", "RUNNING").Evaluate(item).Should().BeTrue();
        Simple("State", "String", "Equal", "RUNNING", caseSensitive: "false").Evaluate(item).Should().BeTrue();
        Simple("State", "String", "Equal", "RUNNING", caseSensitive: "true").Evaluate(item).Should().BeFalse();
        Simple("State", "String", "Equal", "Running", caseSensitive: "true").Evaluate(item).Should().BeTrue();
        Simple("State", "String", "NotEqual", "running", caseSensitive: "true").Evaluate(item).Should().BeTrue();
        Simple("State", "String", "Greater", "running").Evaluate(item).Should().BeFalse("ignoring case they are equal");
        Simple("State", "String", "Less", "running", caseSensitive: "1").Evaluate(item).Should().BeTrue("'R' orders before 'r' ordinally");
    }

    [Fact]
    public void Evaluate_StringSide_TakesTheTypedSidesKind()
    {
        // EventLevel read as String against an Integer constant (OpsMgr.GenericServiceMonitoring does this).
        Simple("Level", "String", "Equal", "2", valueType: "Integer").Evaluate(Bag(("Level", " 2"))).Should().BeTrue();
        Simple("Level", "Integer", "Equal", "02", valueType: "String").Evaluate(Bag(("Level", "2"))).Should().BeTrue();
    }

    [Theory]
    [InlineData("Integer", "-1", "UnsignedInteger", "0", "Less", true)]
    [InlineData("Integer", "5", "UnsignedInteger", "5", "Equal", true)]
    [InlineData("UnsignedInteger", "18446744073709551615", "Integer", "9223372036854775807", "Greater", true)]
    [InlineData("Integer", "3", "Double", "2.5", "Greater", true)]
    [InlineData("Double", "3.0", "Integer", "3", "Equal", true)]
    public void Evaluate_MixedNumberKinds_CompareByValue(string type, string actual, string valueType, string constant, string op, bool expected)
    {
        Simple("V", type, op, constant, valueType).Evaluate(Bag(("V", actual))).Should().Be(expected);
    }

    [Fact]
    public void Evaluate_BooleanAgainstInteger_IsNeverTrue()
    {
        var expression = Simple("V", "Boolean", "Equal", "1", valueType: "Integer");

        expression.Evaluate(Bag(("V", "1"))).Should().BeFalse();
        expression.Should().BeOfType<MonitoringHost.Runtime.Expressions.ConstantExpression>().Which.Value.Should().BeFalse();
    }

    [Fact]
    public void Evaluate_TwoXPathQueries_CompareTheItemsOwnValues()
    {
        var expression = Compile("""
            <Expression><SimpleExpression>
              <ValueExpression><XPathQuery Type="Double">Property[@Name='Used']</XPathQuery></ValueExpression>
              <Operator>GreaterEqual</Operator>
              <ValueExpression><XPathQuery Type="Double">Property[@Name='Limit']</XPathQuery></ValueExpression>
            </SimpleExpression></Expression>
            """);

        expression.Evaluate(Bag(("Used", "80.5"), ("Limit", "80"))).Should().BeTrue();
        expression.Evaluate(Bag(("Used", "79.9"), ("Limit", "80"))).Should().BeFalse();
    }

    [Fact]
    public void Evaluate_TimeAttribute_ComparesAsDateTime()
    {
        var expression = Compile("""
            <Expression><SimpleExpression>
              <ValueExpression><XPathQuery Type="DateTime">@time</XPathQuery></ValueExpression>
              <Operator>Less</Operator>
              <ValueExpression><Value Type="DateTime">2024-05-06T07:08:10Z</Value></ValueExpression>
            </SimpleExpression></Expression>
            """);

        expression.Evaluate(Bag()).Should().BeTrue();
    }

    [Fact]
    public void Evaluate_NumericComparison_DoesNotAllocate()
    {
        var expression = Simple("N", "Integer", "Greater", "100");
        var item = Bag(("N", "250"));
        expression.Evaluate(item).Should().BeTrue();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var passed = 0;
        for (var i = 0; i < 1000; i++)
        {
            passed += expression.Evaluate(item) ? 1 : 0;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        passed.Should().Be(1000);
        allocated.Should().Be(0);
    }
}
