namespace MonitoringHost.Storage.Tests;

public sealed class ApiRolesTests
{
    [Fact]
    public void Names_AreTheFiveRolesOfTheApi()
    {
        ApiRoles.Names.Should().Equal("Administrator", "Author", "Operator", "ReadOnlyOperator", "Connector");
    }

    [Theory]
    [InlineData("Administrator", ApiRole.Administrator)]
    [InlineData("readonlyoperator", ApiRole.ReadOnlyOperator)]
    [InlineData("CONNECTOR", ApiRole.Connector)]
    public void Parse_ARolesName_AnyCase_ReturnsIt(string name, ApiRole expected)
    {
        ApiRoles.Parse(name).Should().Be(expected);
    }

    [Theory]
    [InlineData("Admin")]
    [InlineData("2")]
    [InlineData("Author, Operator")]
    [InlineData("")]
    public void Parse_AnythingElse_FailsListingTheRoles(string name)
    {
        var parse = () => ApiRoles.Parse(name);

        parse.Should().Throw<ArgumentException>().WithMessage($"unknown role '{name}'; the roles are Administrator, Author, Operator, ReadOnlyOperator, Connector*");
    }
}
