using System.Net;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;

namespace MonitoringHost.Sdk.Tests;

/// <summary>The client's object calls against a real server on loopback.</summary>
public sealed class MonitoringHostClientObjectsTests : IAsyncLifetime
{
    private LoopbackClient _at = null!;

    private LoopbackServer Api => _at.Api;

    private MonitoringHostClient Client => _at.Client;

    private Guid Computer => _at.Computer;

    public async Task InitializeAsync() => _at = await LoopbackClient.StartAsync("viewer", ApiRole.ReadOnlyOperator, "web01.contoso.com");

    public async Task DisposeAsync() => await _at.DisposeAsync();

    [Fact]
    public async Task GetObjects_WalksEveryCursor_ToTheSameObjectsAsOnePage()
    {
        var onePage = await Client.ListObjectsAsync();
        var firstOfOne = await Client.ListObjectsAsync(limit: 1);
        var walked = new List<MonitoringObject>();
        await foreach (var item in Client.GetObjectsAsync(pageSize: 1))
        {
            walked.Add(item);
        }

        onePage.NextCursor.Should().BeNull();
        onePage.Items.Should().HaveCount(Api.Server.Space.Count).And.Contain(o => o.Id == Computer);
        firstOfOne.Items.Should().ContainSingle();
        firstOfOne.NextCursor.Should().NotBeNull();
        walked.Select(o => o.Id).Should().Equal(onePage.Items.Select(o => o.Id));
    }

    [Fact]
    public async Task ListObjects_ByClass_GivesTheComputerWithItsHealth()
    {
        // The management server's own computer is one too: the criteria leaves it out.
        var page = await Client.ListObjectsAsync(className: "Microsoft.Windows.Computer", criteria: "PrincipalName LIKE '%.contoso.com'");

        var computer = page.Items.Should().ContainSingle().Subject;
        (computer.Id, computer.ClassName, computer.DisplayName, computer.Properties["PrincipalName"]).Should().Be(
            (Computer, "Microsoft.Windows.Computer", "web01.contoso.com", "web01.contoso.com"));
        (computer.HealthState, computer.HealthStateName, computer.InMaintenanceMode, computer.IsAvailable).Should().Be((HealthState.Uninitialized, "Uninitialized", false, true));
        computer.ClassId.Should().Be(Api.Server.Classes.Class("Microsoft.Windows.Computer")!.Id);
        computer.Relationships.Should().BeNull("lists leave relationships out");
    }

    [Fact]
    public async Task GetObject_IsTheObjectWithItsRelationships()
    {
        var item = await Client.GetObjectAsync(Computer);

        (item.Id, item.FullName).Should().Be((Computer, "Microsoft.Windows.Computer:web01.contoso.com"));
        item.Relationships.Should().NotBeNull().And.BeEmpty();
    }

    [Fact]
    public async Task GetHealth_IsTheMonitorTree_AndStateChangesAreEmptyBeforeAnyMonitorRan()
    {
        var tree = await Client.GetHealthAsync(Computer);
        var changes = await Client.GetStateChangesAsync(Computer, since: DateTimeOffset.UnixEpoch);

        (tree.MonitorId, tree.Kind, tree.HealthState).Should().Be(("System.Health.EntityState", "aggregate", HealthState.Uninitialized));
        tree.Children.Select(c => c.MonitorId).Should().Contain(["System.Health.AvailabilityState", "System.Health.PerformanceState"]);
        changes.Should().BeEmpty();
    }

    [Fact]
    public async Task UnknownObject_Is404_WithTheProblemDocument()
    {
        var missing = () => Client.GetHealthAsync(Guid.Empty);

        var refusal = (await missing.Should().ThrowAsync<MonitoringHostApiException>()).Which;
        refusal.Status.Should().Be(HttpStatusCode.NotFound);
        refusal.Problem.Should().Be(new Problem("Not Found", 404, $"there is no object {Guid.Empty}"));
    }

    [Fact]
    public async Task UnknownClass_Is400_SayingWhich()
    {
        var refusal = (await Client.Invoking(c => c.ListObjectsAsync(className: "Contoso.Nothing")).Should().ThrowAsync<MonitoringHostApiException>()).Which;

        refusal.Status.Should().Be(HttpStatusCode.BadRequest);
        refusal.Problem.Detail.Should().Be("there is no class 'Contoso.Nothing'");
    }

    [Fact]
    public async Task AKeyTheServerDoesNotKnow_Is401()
    {
        using var stranger = Api.ClientFor("mh_not-a-key");

        var refusal = (await stranger.Invoking(c => c.ListObjectsAsync()).Should().ThrowAsync<MonitoringHostApiException>()).Which;

        refusal.Status.Should().Be(HttpStatusCode.Unauthorized);
        refusal.Problem.Detail.Should().Be("the API key is not known or has been revoked");
    }

    [Fact]
    public async Task NothingListening_IsUnreachable_NamingTheServer()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new MonitoringHostClient(new Uri($"http://127.0.0.1:{port}"), "mh_any");

        var failure = (await client.Invoking(c => c.ListObjectsAsync()).Should().ThrowAsync<MonitoringHostUnreachableException>()).Which;

        failure.Server.Should().Be(new Uri($"http://127.0.0.1:{port}/"));
        failure.Message.Should().StartWith($"cannot reach the server at http://127.0.0.1:{port}/: ");
    }
}
