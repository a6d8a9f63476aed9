using System.Xml;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Tests.DataItems;

public sealed class DataItemXmlTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("tab\tline\ncarriage\r", "tab\tline\ncarriage\r")]
    [InlineData("<&>\"'", "<&>\"'")]
    [InlineData("nul\u0000bell\u0007esc\u001b", "nul\uFFFDbell\uFFFDesc\uFFFD")]
    [InlineData("pair \uD83D\uDE00 kept", "pair \uD83D\uDE00 kept")]
    [InlineData("non-characters \uFFFE\uFFFF", "non-characters \uFFFD\uFFFD")]
    public void Text_Value_KeepsWhatXmlCarriesAndReplacesTheRest(string value, string expected)
    {
        DataItemXml.Text(value).Should().Be(expected);
    }

    [Fact]
    public void Text_UnpairedSurrogates_AreReplacedOneByOne()
    {
        // Built in code: test case data with lone surrogates does not survive serialization to the runner.
        string[] values = ["lone high \uD83D end", "lone low \uDE00 end", "high at end \uD83D", "reversed \uDE00\uD83D"];

        values.Select(DataItemXml.Text).Should().Equal("lone high \uFFFD end", "lone low \uFFFD end", "high at end \uFFFD", "reversed \uFFFD\uFFFD");
    }

    [Fact]
    public void Text_NothingToReplace_ReturnsTheSameString()
    {
        var value = "nothing to replace here";

        DataItemXml.Text(value).Should().BeSameAs(value);
    }

    [Fact]
    public void Parse_DataItemXml_GivesItsNodeWithAttributesAndChildren()
    {
        var node = DataItemXml.Parse("<DataItem type=\"System.PropertyBagData\" time=\"t\"><Property Name=\"State\">a &amp; b</Property></DataItem>");

        (node.Name, node.Attribute("type"), node.Attribute("time")).Should().Be(("DataItem", "System.PropertyBagData", "t"));
        node.Children.Should().ContainSingle().Which.Value.Should().Be("a & b");
    }

    [Fact]
    public void Parse_Doctype_IsRefused()
    {
        var xml = "<!DOCTYPE DataItem [<!ENTITY e \"expanded\">]><DataItem>&e;</DataItem>";

        var parse = () => DataItemXml.Parse(xml);

        parse.Should().Throw<XmlException>().WithMessage("*DTD*");
    }
}
