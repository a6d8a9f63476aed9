using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Tests.DataItems;

public sealed class PropertyBagDataTests
{
    private static readonly DateTimeOffset Time = new(2026, 4, 5, 6, 7, 8, 125, TimeSpan.Zero);

    [Fact]
    public void ToXml_Bag_WritesAPropertyPerValueInNameOrderAsStrings()
    {
        var bag = new PropertyBagData(Time, [new("State", "Running"), new("Result", "Good"), new("StartMode", "Auto")]);

        bag.ToXml().Should().Be(
            "<DataItem type=\"System.PropertyBagData\" time=\"2026-04-05T06:07:08.1250000Z\">" +
            "<Property Name=\"Result\" VariantType=\"8\">Good</Property>" +
            "<Property Name=\"StartMode\" VariantType=\"8\">Auto</Property>" +
            "<Property Name=\"State\" VariantType=\"8\">Running</Property></DataItem>");
    }

    [Fact]
    public void ToXml_PathsPacksRead_SelectTheSameTextInTheXml()
    {
        var bag = new PropertyBagData(Time, [new("State", "Running"), new("Result", "Good"), new("Empty", "")]);

        var root = XmlForm.ShouldRoundTrip(
            bag,
            ("Property[@Name='State']", "Running"),
            ("Property[@Name='Result']", "Good"),
            ("/DataItem/Property[@Name='Result']", "Good"),
            ("Property[@Name=\"Empty\"]", ""),
            ("Property[@Name='Missing']", null));

        XmlForm.XPathText(root, "Property[@Name='State']/@VariantType").Should().Be("8");
    }

    [Fact]
    public void ToXml_MarkupQuotesAndLineBreaks_AreEscapedAndReadBackUnchanged()
    {
        var bag = new PropertyBagData(Time, [
            new("Query", "SELECT 1 WHERE a < b && c > 'd' AND \"e\""),
            new("it's \"quoted\" <&>", "name with markup"),
            new("Lines", "first\r\nsecond\tthird\n"),
            new("Emoji", "ok \U0001F600"),
        ]);

        var xml = XmlForm.ShouldRoundTrip(
            bag,
            ("Property[@Name='Query']", "SELECT 1 WHERE a < b && c > 'd' AND \"e\""),
            ("Property[@Name='Lines']", "first\r\nsecond\tthird\n"),
            ("Property[@Name='Emoji']", "ok \U0001F600"));

        // The name itself holds both quote kinds, so only a walk over the elements can find it.
        xml.Elements("Property").Single(p => p.Attribute("Name")!.Value == "it's \"quoted\" <&>").Value.Should().Be("name with markup");
        bag.ToXml().Should().Contain("a &lt; b &amp;&amp; c &gt; 'd'").And.Contain("first&#xD;\nsecond\tthird");
    }

    [Fact]
    public void ToXml_ControlCharactersAndLoneSurrogates_BecomeTheReplacementCharacterAndTheXmlStaysWellFormed()
    {
        var bag = new PropertyBagData(Time, [new("Output", "\u001b[31mred\u001b[0m\u0000end\uD800x"), new("Bell\u0007", "v")]);

        var root = XmlForm.Load(bag.ToXml());

        XmlForm.XPathText(root, "Property[@Name='Output']").Should().Be("\uFFFD[31mred\uFFFD[0m\uFFFDend\uFFFDx");
        XmlForm.XPathText(root, "Property[@Name='Bell\uFFFD']").Should().Be("v");
    }
}
