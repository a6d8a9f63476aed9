using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Tests.DataItems;

public sealed class EventDataTests
{
    private static readonly DateTimeOffset Time = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    private static readonly EventData Event = new(Time)
    {
        PublisherName = "Service Control Manager",
        EventSourceName = "Service Control Manager",
        Channel = "System",
        LoggingComputer = "node1.contoso.test",
        EventNumber = 3221232495,
        EventDisplayNumber = 7023,
        EventCategory = 0,
        EventLevel = 1,
        UserName = "N/A",
        EventDescription = "The Spooler service terminated with the following error: access denied",
        Params = ["Spooler", "access denied"],
        EventDataContent = [DataNode.FromXml(System.Xml.Linq.XElement.Parse("""
            <DataItem type="System.XmlData">
              <EventData>
                <Data Name="param1">Spooler</Data>
                <Data Name="param2">access denied</Data>
              </EventData>
            </DataItem>
            """))],
    };

    [Theory]
    [InlineData("PublisherName", "Service Control Manager")]
    [InlineData("EventSourceName", "Service Control Manager")]
    [InlineData("Channel", "System")]
    [InlineData("LoggingComputer", "node1.contoso.test")]
    [InlineData("EventNumber", "3221232495")]
    [InlineData("EventDisplayNumber", "7023")]
    [InlineData("EventCategory", "0")]
    [InlineData("EventLevel", "1")]
    [InlineData("UserName", "N/A")]
    [InlineData("/DataItem/EventDescription", "The Spooler service terminated with the following error: access denied")]
    [InlineData("Params/Param[1]", "Spooler")]
    [InlineData("Params/Param[2]", "access denied")]
    [InlineData("Params/Param", "Spooler")]
    [InlineData("EventData/DataItem/EventData/Data[@Name='param2']", "access denied")]
    [InlineData("EventData/DataItem/EventData/Data[2]", "access denied")]
    [InlineData("EventData/DataItem/@type", "System.XmlData")]
    [InlineData("EventData/DataItem/EventData/Data[1]/@Name", "param1")]
    [InlineData("@type", "Microsoft.Windows.EventData")]
    [InlineData("@time", "2024-05-06T07:08:09.0000000Z")]
    public void Select_EventPaths_AnswerFromFields(string xpath, string expected)
    {
        Event.Select(DataPath.Parse(xpath)).Should().Be(expected);
    }

    [Theory]
    [InlineData("Params/Param[3]")]
    [InlineData("Params/Other[1]")]
    [InlineData("EventData/DataItem/EventData/Data[@Name='param9']")]
    [InlineData("EventData/Missing")]
    [InlineData("Unknown")]
    [InlineData("EventDisplayNumber/Child")]
    public void Select_PathsWithNothingThere_AreNull(string xpath)
    {
        Event.Select(DataPath.Parse(xpath)).Should().BeNull();
        Event.Exists(DataPath.Parse(xpath)).Should().BeFalse();
    }

    [Fact]
    public void Select_ElementsWithChildren_GiveTheirTextJoined()
    {
        Event.Select(DataPath.Parse("Params")).Should().Be("Spooleraccess denied");
        Event.Select(DataPath.Parse("EventData/DataItem/EventData")).Should().Be("Spooleraccess denied");
    }

    [Fact]
    public void New_Defaults_AreAnEmptyWindowsEvent()
    {
        var empty = new EventData(Time, EventData.SystemTypeName);

        empty.TypeName.Should().Be("System.Event.Data");
        empty.Select(DataPath.Parse("EventDisplayNumber")).Should().Be("0");
        empty.Select(DataPath.Parse("PublisherName")).Should().BeNull();
        empty.Exists(DataPath.Parse("Params/Param[1]")).Should().BeFalse();
    }

    [Fact]
    public void ToXml_Event_EveryPathPacksReadSelectsTheSameTextInTheXml()
    {
        XmlForm.ShouldRoundTrip(
            Event,
            ("PublisherName", "Service Control Manager"),
            ("EventSourceName", "Service Control Manager"),
            ("Channel", "System"),
            ("LoggingComputer", "node1.contoso.test"),
            ("EventNumber", "3221232495"),
            ("EventDisplayNumber", "7023"),
            ("EventCategory", "0"),
            ("EventLevel", "1"),
            ("UserName", "N/A"),
            ("EventDescription", "The Spooler service terminated with the following error: access denied"),
            ("Params/Param[1]", "Spooler"),
            ("Params/Param[2]", "access denied"),
            ("Params/Param", "Spooler"),
            ("Params/Param[3]", null),
            ("Params", "Spooleraccess denied"),
            ("EventData/DataItem/@type", "System.XmlData"),
            ("EventData/DataItem/EventData/Data[@Name='param2']", "access denied"),
            ("/DataItem/EventDisplayNumber", "7023"));
    }

    [Fact]
    public void ToXml_EventWithoutOptionalFields_LeavesThemOutAndKeepsEmptyParamsAndEventData()
    {
        var bare = new EventData(Time, EventData.SystemTypeName) { PublisherName = "Health Service Script", EventDisplayNumber = 1001 };

        var root = XmlForm.ShouldRoundTrip(
            bare,
            ("@type", "System.Event.Data"),
            ("PublisherName", "Health Service Script"),
            ("EventDisplayNumber", "1001"),
            ("Channel", null),
            ("EventDescription", null),
            ("Params", ""),
            ("Params/Param[1]", null),
            ("EventData", ""));

        root.Elements().Select(e => e.Name.LocalName).Should().Equal(
            "PublisherName", "EventNumber", "EventCategory", "EventLevel", "EventData", "EventDisplayNumber", "Params");
    }

    [Fact]
    public void ToXml_ParamWithMarkup_IsEscapedAndReadsBack()
    {
        var item = new EventData(Time) { Params = ["C:\\Temp\\<new>.txt", "a & b", "line1\r\nline2"], EventDescription = "<b>bold</b>" };

        XmlForm.ShouldRoundTrip(
            item,
            ("Params/Param[1]", "C:\\Temp\\<new>.txt"),
            ("Params/Param[2]", "a & b"),
            ("Params/Param[3]", "line1\r\nline2"),
            ("EventDescription", "<b>bold</b>"));
    }
}
