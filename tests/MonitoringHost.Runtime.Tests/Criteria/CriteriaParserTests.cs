using MonitoringHost.Runtime.Criteria;

namespace MonitoringHost.Runtime.Tests.Criteria;

public sealed class CriteriaParserTests
{
    [Fact]
    public void Parse_NotBindsTighterThanAnd_AndAndTighterThanOr()
    {
        var tree = CriteriaParser.Parse("A = 1 OR NOT B = 2 AND C = 3");

        var or = tree.Should().BeOfType<OrCriterion>().Subject;
        or.Left.Should().BeOfType<ComparisonCriterion>().Which.Field.Name.Should().Be("A");
        var and = or.Right.Should().BeOfType<AndCriterion>().Subject;
        and.Left.Should().BeOfType<NotCriterion>().Which.Operand.Should().BeOfType<ComparisonCriterion>().Which.Field.Name.Should().Be("B");
        and.Right.Should().BeOfType<ComparisonCriterion>().Which.Field.Name.Should().Be("C");
    }

    [Fact]
    public void Parse_ParenthesesGroup()
    {
        var tree = CriteriaParser.Parse("(A = 1 OR B = 2) AND C = 3");

        var and = tree.Should().BeOfType<AndCriterion>().Subject;
        and.Left.Should().BeOfType<OrCriterion>();
        and.Right.Should().BeOfType<ComparisonCriterion>();
    }

    [Theory]
    [InlineData("=", CriteriaOperator.Equal)]
    [InlineData("==", CriteriaOperator.Equal)]
    [InlineData("!=", CriteriaOperator.NotEqual)]
    [InlineData("<>", CriteriaOperator.NotEqual)]
    [InlineData("<", CriteriaOperator.Less)]
    [InlineData(">", CriteriaOperator.Greater)]
    [InlineData("<=", CriteriaOperator.LessOrEqual)]
    [InlineData(">=", CriteriaOperator.GreaterOrEqual)]
    public void Parse_ComparisonOperators(string written, CriteriaOperator expected)
    {
        var comparison = CriteriaParser.Parse($"Severity {written} -2.5").Should().BeOfType<ComparisonCriterion>().Subject;

        comparison.Operator.Should().Be(expected);
        comparison.Value.Should().Be(new CriteriaLiteral(CriteriaLiteralKind.Number, "-2.5", 11 + written.Length));
    }

    [Fact]
    public void Parse_StringsUnquote_AndTwoQuotesAreOne()
    {
        var comparison = (ComparisonCriterion)CriteriaParser.Parse("Name = 'O''Brien''s disk'");

        comparison.Value.Should().Be(new CriteriaLiteral(CriteriaLiteralKind.String, "O'Brien's disk", 8));
    }

    [Fact]
    public void Parse_KeywordsInAnyCase_AndTheOtherConditions()
    {
        var tree = CriteriaParser.Parse("owner is null and TicketId Is Not Null or Name like 'x%' Or Name not matches '^a' and Flag = true");

        tree.Should().BeEquivalentTo(new OrCriterion(
            new OrCriterion(
                new AndCriterion(new NullCriterion(new FieldReference("owner", 1), false), new NullCriterion(new FieldReference("TicketId", 19), true)),
                new LikeCriterion(new FieldReference("Name", 43), new CriteriaLiteral(CriteriaLiteralKind.String, "x%", 53))),
            new AndCriterion(
                new NotCriterion(new MatchesCriterion(new FieldReference("Name", 61), new CriteriaLiteral(CriteriaLiteralKind.String, "^a", 78)), 66),
                new ComparisonCriterion(new FieldReference("Flag", 87), CriteriaOperator.Equal, new CriteriaLiteral(CriteriaLiteralKind.Boolean, "TRUE", 94)))));
    }

    [Theory]
    [InlineData("", 1, "the criteria is empty")]
    [InlineData("Severity = ", 12, "at position 12: expected a value after '=' (a quoted string, a number, TRUE or FALSE), found the end of the criteria")]
    [InlineData("Severity 2", 10, "at position 10: expected an operator after Severity (=, !=, <>, <, >, <=, >=, LIKE, MATCHES, IS NULL, IS NOT NULL), found '2'")]
    [InlineData("Name = 'abc", 8, "the string starting at position 8 has no closing quote")]
    [InlineData("(Severity = 2 OR Priority = 1", 30, "at position 30: expected ')' to close the '(' at position 1, found the end of the criteria")]
    [InlineData("Severity = 2)", 13, "at position 13: this ')' closes no '('")]
    [InlineData("Severity = 2 Priority = 1", 14, "at position 14: expected AND, OR or the end of the criteria, found 'Priority'")]
    [InlineData("Severity = 2 AND", 17, "at position 17: expected a field name, NOT or '(', found the end of the criteria")]
    [InlineData("Name = \"x\"", 8, "unexpected '\"' (strings take single quotes) at position 8")]
    [InlineData("Name LIKE 5", 11, "at position 11: expected a quoted pattern after LIKE, found '5'")]
    [InlineData("Owner IS NOT 5", 14, "at position 14: expected NULL after IS NOT, found '5'")]
    [InlineData("Name NOT = 'x'", 10, "at position 10: expected LIKE or MATCHES after Name NOT, found '='")]
    [InlineData("Count = 12abc", 11, "'12a' at position 9 is not a number")]
    [InlineData("Name ~ 'x'", 6, "unexpected '~' at position 6")]
    public void Parse_BadCriteria_SayWhereAndWhat(string criteria, int position, string message)
    {
        var problem = FluentActions.Invoking(() => CriteriaParser.Parse(criteria)).Should().Throw<CriteriaException>().Which.Problems.Should().ContainSingle().Subject;

        problem.Position.Should().Be(position);
        problem.Code.Should().Be("syntax");
        problem.Message.Should().StartWith(message);
    }
}
