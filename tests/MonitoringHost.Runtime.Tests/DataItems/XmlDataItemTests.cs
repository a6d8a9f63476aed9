using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules.Unix;

namespace MonitoringHost.Runtime.Tests.DataItems;

/// <summary>
/// <c>WSManData</c> as the UNIX invoke modules emit it, read with the forms Microsoft's and the fragment library's
/// UNIX packs use (<c>//*[local-name()="StdOut"]</c>), checked against real XPath over its XML form.
/// </summary>
public sealed class XmlDataItemTests
{
    private static readonly DateTimeOffset Time = new(2026, 11, 30, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Shell_command_output_reads_as_an_SCX_agent_returns_it()
    {
        var item = ScxOutput.Create(Time, 0, "1\n", "");

        item.TypeName.Should().Be("Microsoft.SystemCenter.WSManagement.WSManData");
        var root = XmlForm.ShouldRoundTrip(
            item,
            ("//*[local-name()=\"StdOut\"]", "1\n"),
            ("//*[local-name()='ReturnCode']", "0"),
            ("//*[local-name()=\"ReturnValue\"]", "true"),
            ("//*[local-name()=\"StdErr\"]", ""),
            ("WsManData/*[local-name()=\"SCX_OperatingSystem_OUTPUT\"]/*[local-name()=\"StdOut\"]", "1\n"),
            ("WsManData/SCX_OperatingSystem_OUTPUT/ReturnCode", "0"),
            ("WsManData//ReturnCode", "0"),
            ("//StdOut", "1\n"),
            ("/DataItem//StdOut", "1\n"),
            ("//Missing", null));
        root.Element("WsManData")!.Element("SCX_OperatingSystem_OUTPUT")!.Elements().Select(e => e.Name.LocalName)
            .Should().Equal("ReturnValue", "ReturnCode", "StdOut", "StdErr");
    }

    [Fact]
    public void A_failed_command_has_its_return_code_and_ReturnValue_false()
    {
        var item = ScxOutput.Create(Time, 2, "", "ls: cannot access '/x': No such file or directory\n");

        XmlForm.ShouldRoundTrip(
            item,
            ("//*[local-name()=\"ReturnCode\"]", "2"),
            ("//*[local-name()=\"ReturnValue\"]", "false"),
            ("//*[local-name()=\"StdErr\"]", "ls: cannot access '/x': No such file or directory\n"));
    }

    [Fact]
    public void Descendant_steps_follow_xpath_on_nested_trees()
    {
        var item = new XmlDataItem(Time, "Test.Xml", [DataNode.FromXml(System.Xml.Linq.XElement.Parse("""
            <Root>
              <A><B>first</B><B>second</B></A>
              <A><B Name="x">third</B><C><B>fourth</B></C></A>
            </Root>
            """))]);

        XmlForm.ShouldRoundTrip(
            item,
            ("//B", "first"),
            ("//B[2]", "second"),
            ("//B[@Name='x']", "third"),
            ("//C/B", "fourth"),
            ("Root//C//B", "fourth"),
            ("//A[2]/B", "third"),
            ("//B/@Name", "x"),
            ("Root/A/B[2]", "second"));
    }

    [Fact]
    public void Other_kinds_answer_descendant_steps_from_their_xml_form()
    {
        var bag = new PropertyBagData(Time, [new("State", "Running"), new("Count", "3")]);
        XmlForm.ShouldRoundTrip(bag, ("//Property[@Name='State']", "Running"), ("//Property[@Name='Missing']", null));
        bag.Select(DataPath.Parse("//Property[@Name='Count']")).Should().Be("3");

        var output = new CommandOutputData(Time, "ok\n", "", 0);
        XmlForm.ShouldRoundTrip(output, ("//*[local-name()=\"StdOut\"]", "ok\n"), ("//ExitCode", "0"));
    }

    [Theory]
    [InlineData("//*[local-name()=\"StdOut\"]", "StdOut", true)]
    [InlineData("*[local-name() = 'StdOut']", "StdOut", false)]
    [InlineData("WsManData//p:StdOut", "StdOut", true)]
    public void Local_name_and_descendant_steps_parse(string text, string last, bool descendant)
    {
        var path = DataPath.Parse(text);

        path.Steps[^1].Name.Should().Be(last);
        path.Steps[^1].IsDescendant.Should().Be(descendant);
        path.HasDescendant.Should().Be(descendant);
    }

    [Theory]
    [InlineData("a///b", "empty step")]
    [InlineData("a//", "empty step")]
    [InlineData("//@time", "not supported")]
    [InlineData("*[name()='x']", "not supported")]
    [InlineData("*", "not an element")]
    public void Unsupported_forms_say_why(string text, string problem)
    {
        var parse = () => DataPath.Parse(text);

        parse.Should().Throw<FormatException>().WithMessage($"*{problem}*");
    }
}
