using System.Net;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;

namespace MonitoringHost.Sdk.Tests;

/// <summary>The client's object calls against a real server on loopback.</summary>
public sealed class MonitoringHostClientObjectsTests : IAsyncLifetime
{
    private LoopbackServer _api = null!;
    private MonitoringHostClient _client = null!;
    private Guid _computer;

    public async Task InitializeAsync()
    {
        _api = await LoopbackServer.StartAsync();
        _client = _api.ClientFor(await _api.KeyAsync("viewer", ApiRole.ReadOnlyOperator));
        _computer = await _api.DiscoverComputerAsync("web01.contoso.com");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task GetObjects_WalksEveryCursor_ToTheSameObjectsAsOnePage()
    {
        var onePage = await _client.ListObjectsAsync();
        var firstOfOne = await _client.ListObjectsAsync(limit: 1);
        var walked = new List<MonitoringObject>();
        await foreach (var item in _client.GetObjectsAsync(pageSize: 1))
        {
            walked.Add(item);
        }

        onePage.NextCursor.Should().BeNull();
        onePage.Items.Should().HaveCount(_api.Server.Space.Count).And.Contain(o => o.Id == _computer);
        firstOfOne.Items.Should().ContainSingle();
        firstOfOne.NextCursor.Should().NotBeNull();
        walked.Select(o => o.Id).Should().Equal(onePage.Items.Select(o => o.Id));
    }

    [Fact]
    public async Task ListObjects_ByClass_GivesTheComputerWithItsHealth()
    {
        var page = await _client.ListObjectsAsync(className: "Microsoft.Windows.Computer");

        var computer = page.Items.Should().ContainSingle().Subject;
        (computer.Id, computer.ClassName, computer.DisplayName, computer.Properties["PrincipalName"]).Should().Be(
            (_computer, "Microsoft.Windows.Computer", "web01.contoso.com", "web01.contoso.com"));
        (computer.HealthState, computer.HealthStateName, computer.InMaintenanceMode, computer.IsAvailable).Should().Be((HealthState.Uninitialized, "Uninitialized", false, true));
        computer.ClassId.Should().Be(_api.Server.Classes.Class("Microsoft.Windows.Computer")!.Id);
        computer.Relationships.Should().BeNull("lists leave relationships out");
    }

    [Fact]
    public async Task GetObject_IsTheObjectWithItsRelationships()
    {
        var item = await _client.GetObjectAsync(_computer);

        (item.Id, item.FullName).Should().Be((_computer, "Microsoft.Windows.Computer:web01.contoso.com"));
        item.Relationships.Should().NotBeNull().And.BeEmpty();
    }

    [Fact]
    public async Task GetHealth_IsTheMonitorTree_AndStateChangesAreEmptyBeforeAnyMonitorRan()
    {
        var tree = await _client.GetHealthAsync(_computer);
        var changes = await _client.GetStateChangesAsync(_computer, since: DateTimeOffset.UnixEpoch);

        (tree.MonitorId, tree.Kind, tree.HealthState).Should().Be(("System.Health.EntityState", "aggregate", HealthState.Uninitialized));
        tree.Children.Select(c => c.MonitorId).Should().Contain(["System.Health.AvailabilityState", "System.Health.PerformanceState"]);
        changes.Should().BeEmpty();
    }

    [Fact]
    public async Task UnknownObject_Is404_WithTheProblemDocument()
    {
        var missing = () => _client.GetHealthAsync(Guid.Empty);

        var refusal = (await missing.Should().ThrowAsync<MonitoringHostApiException>()).Which;
        refusal.Status.Should().Be(HttpStatusCode.NotFound);
        refusal.Problem.Should().Be(new Problem("Not Found", 404, $"there is no object {Guid.Empty}"));
    }

    [Fact]
    public async Task UnknownClass_Is400_SayingWhich()
    {
        var refusal = (await _client.Invoking(c => c.ListObjectsAsync(className: "Contoso.Nothing")).Should().ThrowAsync<MonitoringHostApiException>()).Which;

        refusal.Status.Should().Be(HttpStatusCode.BadRequest);
        refusal.Problem.Detail.Should().Be("there is no class 'Contoso.Nothing'");
    }

    [Fact]
    public async Task AKeyTheServerDoesNotKnow_Is401()
    {
        using var stranger = _api.ClientFor("mh_not-a-key");

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
