using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Tests.DataItems;

public sealed class DataTemplateTests
{
    private static readonly PropertyBagData Bag = new(
        new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero),
        [new("Result", "Failed"), new("Count", "3")]);

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("$Data/Property[@Name='Result']$", "Failed")]
    [InlineData("Runbook $Data/Property[@Name=\"Result\"]$ after $Data/Property[@Name='Count']$ tries", "Runbook Failed after 3 tries")]
    [InlineData("$Data/Property[@Name='Missing']$|", "|")]
    [InlineData("$Data[Default='n/a']/Property[@Name='Missing']$", "n/a")]
    [InlineData("$Data[Default='n/a']/Property[@Name='Count']$", "3")]
    [InlineData("costs $$5", "costs $5")]
    [InlineData("$Target/Id$ stays", "$Target/Id$ stays")]
    [InlineData("$Data/@time$", "2026-11-30T08:00:00.0000000Z")]
    public void Render_FillsDataTokens(string text, string expected)
    {
        DataTemplate.Parse(text).Render(Bag).Should().Be(expected);
    }

    [Theory]
    [InlineData("$Data/Property[last()]$")]
    [InlineData("$Data[Fallback='x']/Property[@Name='x']$")]
    [InlineData("$Data[Default=x]/Property[@Name='x']$")]
    public void Parse_MalformedDataToken_SaysWhich(string text)
    {
        var parse = () => DataTemplate.Parse(text);

        parse.Should().Throw<FormatException>().Which.Message.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void UsesData_IsFalse_ForTextWithoutDataTokens()
    {
        DataTemplate.Parse("no tokens $Target/Id$").UsesData.Should().BeFalse();
        DataTemplate.Parse("$Data/Property[@Name='Result']$").UsesData.Should().BeTrue();
    }
}
