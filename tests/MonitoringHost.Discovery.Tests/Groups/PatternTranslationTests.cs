using MonitoringHost.Discovery.Groups;
using MonitoringHost.Discovery.Groups.Expressions;

namespace MonitoringHost.Discovery.Tests.Groups;

public sealed class PatternTranslationTests
{
    [Theory]
    [InlineData("SQL#*", "SQL1Orders", true)]
    [InlineData("SQL#*", "sql2", true)]
    [InlineData("SQL#*", "SQLX", false)]
    [InlineData("web??", "web01", true)]
    [InlineData("web??", "web1", false)]
    [InlineData("srv[a-c]*", "srvb-01", true)]
    [InlineData("srv[!a-c]*", "srvb-01", false)]
    [InlineData("a.b*", "axb", false)]
    public void Wildcard_FollowsTheGroupDialect(string pattern, string value, bool matches) =>
        PatternTranslation.Compile(PatternOperator.MatchesWildcard, pattern).IsMatch(value).Should().Be(matches);

    [Theory]
    [InlineData("%.prod.%", "db.PROD.contoso", true)]
    [InlineData("db_", "db1", true)]
    [InlineData("db_", "db12", false)]
    [InlineData("db[^0-4]", "db5", true)]
    [InlineData("100%", "100 percent", true)]
    public void Like_FollowsSql(string pattern, string value, bool matches) =>
        PatternTranslation.Compile(PatternOperator.Like, pattern).IsMatch(value).Should().Be(matches);

    [Fact]
    public void RegularExpression_IsCaseSensitive_SubstringIsNot()
    {
        PatternTranslation.Compile(PatternOperator.MatchesRegularExpression, "^Prod").IsMatch("production").Should().BeFalse();
        PatternTranslation.Compile(PatternOperator.ContainsSubstring, "a.b").IsMatch("XA.BX").Should().BeTrue();
        PatternTranslation.Compile(PatternOperator.ContainsSubstring, "a.b").IsMatch("axb").Should().BeFalse();
    }

    [Fact]
    public void Compile_UnclosedSet_Throws() =>
        FluentActions.Invoking(() => PatternTranslation.Compile(PatternOperator.MatchesWildcard, "srv[ab"))
            .Should().Throw<ArgumentException>().WithMessage("*not closed*");
}
