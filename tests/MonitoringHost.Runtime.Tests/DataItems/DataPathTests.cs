using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Tests.DataItems;

public sealed class DataPathTests
{
    [Theory]
    [InlineData("Property[@Name='Result']", "Property", "Name", "Result", 0)]
    [InlineData("/DataItem/Property[@Name=\"Result\"]", "Property", "Name", "Result", 0)]
    [InlineData("Params/Param[2]", "Param", null, null, 2)]
    [InlineData("EventDisplayNumber", "EventDisplayNumber", null, null, 0)]
    public void Parse_SupportedForms_GiveTheirLastStep(string xpath, string name, string? attribute, string? value, int position)
    {
        var path = DataPath.Parse(xpath);

        path.Steps[^1].Should().Be(new DataPathStep(name, attribute, value, position, IsAttribute: false));
    }

    [Fact]
    public void Parse_AttributeStep_IsLast()
    {
        DataPath.Parse("@time").Steps.Should().Equal(new DataPathStep("time", null, null, 0, IsAttribute: true));
        var parse = () => DataPath.Parse("@time/Value");
        parse.Should().Throw<FormatException>().WithMessage("*must come last*");
    }

    [Fact]
    public void Parse_ChildPredicate_ComparesAChildElement()
    {
        var path = DataPath.Parse("SnmpVarBinds/SnmpVarBind[OID='.1.3.6.1.2.1.1.5.0']/Value");

        path.Steps[1].Should().Be(new DataPathStep("SnmpVarBind", null, null, 0, IsAttribute: false) { ChildName = "OID", ChildValue = ".1.3.6.1.2.1.1.5.0" });
        path.HasChildPredicate.Should().BeTrue();
        DataPath.Parse("Property[@Name='x']").HasChildPredicate.Should().BeFalse();
    }

    [Fact]
    public void ChildPredicate_OnAKindWithoutNestedElements_SelectsNothing()
    {
        var bag = new PropertyBagData(DateTimeOffset.UnixEpoch, new Dictionary<string, string> { ["Name"] = "x" });

        bag.Select(DataPath.Parse("Property[Name='x']")).Should().BeNull();
        bag.Select(DataPath.Parse("Property[@Name='Name']")).Should().Be("x");
    }

    [Theory]
    [InlineData("Property[@Name='x'")]
    [InlineData("Values///X")]
    [InlineData("Property[last()]")]
    [InlineData("")]
    public void Parse_UnsupportedForms_SayWhy(string xpath)
    {
        DataPath.TryParse(xpath, out _, out var problem).Should().BeFalse();
        problem.Should().Contain("data path");
    }

    [Fact]
    public void PropertyBag_AnswersPropertyPaths_AndTimeAndType()
    {
        var bag = new PropertyBagData(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), [new("State", "Running")]);

        bag.Select(DataPath.Parse("Property[@Name='State']")).Should().Be("Running");
        bag.Select(DataPath.Parse("Property[@Name='Other']")).Should().BeNull();
        bag.Exists(DataPath.Parse("Property[@Name='State']")).Should().BeTrue();
        bag.Select(DataPath.Parse("@type")).Should().Be("System.PropertyBagData");
        bag.Select(DataPath.Parse("@time")).Should().Be("2026-01-02T03:04:05.0000000Z");
    }
}
