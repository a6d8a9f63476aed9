using static MonitoringHost.Runtime.Tests.Expressions.Items;

namespace MonitoringHost.Runtime.Tests.Expressions;

public sealed class RegExExpressionTests
{
    [Theory]
    [InlineData("Service*", "ServiceHost", true)]
    [InlineData("Service*", "MyService", false)]
    [InlineData("*Host", "ServiceHost", true)]
    [InlineData("S?rvice", "Service", true)]
    [InlineData("S?rvice", "Srvice", false)]
    [InlineData("Error ###", "Error 404", true)]
    [InlineData("Error ###", "Error 40x", false)]
    [InlineData("[abc]at", "bat", true)]
    [InlineData("[abc]at", "rat", false)]
    [InlineData("[a-c]at", "cat", true)]
    [InlineData("[!a-c]at", "rat", true)]
    [InlineData("[!a-c]at", "cat", false)]
    [InlineData("[^a-c]at", "cat", false)]
    [InlineData("a.b(c)+", "a.b(c)+", true)]
    [InlineData("a.b(c)+", "aXb(c)+", false)]
    [InlineData("line*end", "line\nmiddle\nend", true)]
    [InlineData("service*", "ServiceHost", false)]
    public void Evaluate_MatchesWildcard_MatchesTheWholeText(string pattern, string text, bool expected)
    {
        var item = Bag(("V", text));

        Pattern("V", "MatchesWildcard", pattern).Evaluate(item).Should().Be(expected);
        Pattern("V", "DoesNotMatchWildcard", pattern).Evaluate(item).Should().Be(!expected);
    }

    [Theory]
    [InlineData("Transfer complete", "226 Transfer complete.", true)]
    [InlineData("transfer complete", "226 Transfer complete.", false)]
    [InlineData("*", "no wildcards here", false)]
    [InlineData("", "anything", true)]
    public void Evaluate_ContainsSubstring_IsLiteralAndCaseSensitive(string pattern, string text, bool expected)
    {
        var item = Bag(("V", text));

        Pattern("V", "ContainsSubstring", pattern).Evaluate(item).Should().Be(expected);
        Pattern("V", "DoesNotContainSubstring", pattern).Evaluate(item).Should().Be(!expected);
    }

    [Theory]
    [InlineData(@"^\d{3} ", "226 Transfer complete.", true)]
    [InlineData("Transfer", "226 Transfer complete.", true)] // not anchored
    [InlineData("transfer", "226 Transfer complete.", false)]
    [InlineData("(?i)transfer", "226 Transfer complete.", true)]
    [InlineData("^(Running|Started)$", "Stopped", false)]
    public void Evaluate_MatchesRegularExpression_UsesDotNetRegex(string pattern, string text, bool expected)
    {
        var item = Bag(("V", text));

        Pattern("V", "MatchesRegularExpression", pattern).Evaluate(item).Should().Be(expected);
        Pattern("V", "DoesNotMatchRegularExpression", pattern).Evaluate(item).Should().Be(!expected);
    }

    [Theory]
    [InlineData("MatchesWildcard")]
    [InlineData("DoesNotMatchWildcard")]
    [InlineData("ContainsSubstring")]
    [InlineData("DoesNotContainSubstring")]
    [InlineData("MatchesRegularExpression")]
    [InlineData("DoesNotMatchRegularExpression")]
    public void Evaluate_MissingValue_IsFalseForEveryOperator(string op)
    {
        Pattern("V", op, "x").Evaluate(Bag(("Other", "x"))).Should().BeFalse();
    }

    [Fact]
    public void Evaluate_CatastrophicPattern_TimesOutInsteadOfHanging()
    {
        var expression = Pattern("V", "MatchesRegularExpression", "^(a+)+$");
        var item = Bag(("V", new string('a', 40) + "!"));

        var evaluate = () => expression.Evaluate(item);

        evaluate.Should().Throw<System.Text.RegularExpressions.RegexMatchTimeoutException>();
    }
}
