namespace MonitoringHost.Storage.Tests;

public sealed class StoreOptionsTests
{
    [Fact]
    public void Defaults_AreASqliteFileInTheUsersDataFolder()
    {
        var options = new StoreOptions();

        options.Provider.Should().Be(StoreProvider.Sqlite);
        options.ConnectionString.Should().BeNull();
        options.DataFolder.Should().Be(StoreOptions.DefaultDataFolder).And.EndWith("MonitoringHost");
        options.Validate().Should().BeEmpty();
    }

    [Fact]
    public void Validate_Postgres_WithoutConnectionString_SaysItIsRequired()
    {
        var options = new StoreOptions { Provider = StoreProvider.Postgres };

        options.Validate().Should().ContainSingle().Which.Should().Be("ConnectionString is required for Provider Postgres, was empty.");
    }

    [Fact]
    public void Validate_ListsEveryProblem_WithTheBadValues()
    {
        var options = new StoreOptions { Provider = (StoreProvider)7, BusyTimeout = TimeSpan.FromSeconds(-1) };

        options.Validate().Should().BeEquivalentTo(
            "BusyTimeout must be positive and at most 2147483 s, was -00:00:01.",
            "Provider must be Sqlite or Postgres, was 7.");
    }

    [Theory]
    [InlineData("Data Source=:memory:", "*in-memory*:memory:*")]
    [InlineData("Data Source=x.db;Mode=Memory", "*in-memory*")]
    [InlineData("Data Source=x.db;Mode=ReadOnly", "*for writing, was Mode=ReadOnly*")]
    [InlineData("Data Source=", "*must name the SQLite file*")]
    [InlineData("Data Sourze=x.db", "*not a valid SQLite connection string*data sourze*")]
    public void Validate_Sqlite_UnusableConnectionString_IsExplained(string connectionString, string expected)
    {
        var options = new StoreOptions { ConnectionString = connectionString };

        options.Validate().Should().ContainSingle().Which.Should().Match(expected);
    }

    [Fact]
    public void Validate_Sqlite_WithoutDataFolder_NamesIt()
    {
        var options = new StoreOptions { DataFolder = " " };

        options.Validate().Should().ContainSingle().Which.Should().Be("DataFolder is required when ConnectionString is not given, was ' '.");
    }

    [Theory]
    [InlineData("Hots=db;Password=hunter2", "*not a valid PostgreSQL connection string*hots*")]
    [InlineData("Port=5432;Password=hunter2", "*must name the PostgreSQL server with Host*")]
    public void Validate_Postgres_UnusableConnectionString_IsExplained_WithoutEchoingIt(string connectionString, string expected)
    {
        var options = new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = connectionString };

        var problem = options.Validate().Should().ContainSingle().Subject;

        problem.Should().Match(expected);
        problem.Should().NotContain("hunter2");
    }

    [Fact]
    public async Task OpenAsync_InvalidOptions_ThrowsListingEveryProblem_BeforeTouchingAnything()
    {
        var options = new StoreOptions { Provider = StoreProvider.Postgres, BusyTimeout = TimeSpan.Zero };

        var open = () => InstanceStoreFactory.OpenAsync(options, default);

        var thrown = (await open.Should().ThrowAsync<StoreOptionsException>()).Which;
        thrown.Problems.Should().HaveCount(2);
        thrown.Message.Should().Contain("BusyTimeout must be positive").And.Contain("ConnectionString is required for Provider Postgres");
    }
}
