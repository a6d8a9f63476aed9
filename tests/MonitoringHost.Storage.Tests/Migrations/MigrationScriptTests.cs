using MonitoringHost.Storage.Migrations;

namespace MonitoringHost.Storage.Tests.Migrations;

public sealed class MigrationScriptTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public void For_EachDialect_HasTheSameNumberedScriptsInOrder(string dialect)
    {
        var scripts = MigrationScript.For(dialect);

        scripts.Select(s => s.Name).Should().Equal(MigrationScript.For("Sqlite").Select(s => s.Name));
        scripts.Select(s => s.Version).Should().Equal(Enumerable.Range(1, scripts.Count));
        scripts.Select(s => s.Name).Should().StartWith(["0001_instance_space", "0002_collected_data", "0003_run_as"]);
        scripts.Should().OnlyContain(s => s.Sql.Contains("CREATE TABLE", StringComparison.Ordinal));
    }

    [Fact]
    public void For_UnknownDialect_HasNoScripts()
    {
        MigrationScript.For("Oracle").Should().BeEmpty();
    }
}
