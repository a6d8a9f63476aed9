using System.Net;
using System.Text.Json;
using MonitoringHost.Storage;

namespace MonitoringHost.Server.Tests;

/// <summary>One object, its health explorer tree and its state changes through the API.</summary>
public sealed class ObjectApiTests : IAsyncLifetime
{
    private LoopbackServer _api = null!;
    private string _reader = "";
    private Guid _computer;

    public async Task InitializeAsync()
    {
        _api = await LoopbackServer.StartAsync();
        _reader = await _api.KeyAsync("viewer", ApiRole.ReadOnlyOperator);
        _computer = await _api.DiscoverComputerAsync("web01.contoso.com");
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Object_HasItsPropertiesAndRelationships()
    {
        var (status, body, response) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/objects/{_computer}", _reader);
        response.Dispose();

        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("id").GetGuid().Should().Be(_computer);
        body.GetProperty("className").GetString().Should().Be("Microsoft.Windows.Computer");
        body.GetProperty("properties").GetProperty("PrincipalName").GetString().Should().Be("web01.contoso.com");
        body.GetProperty("relationships").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Health_IsTheMonitorTree_RootedAtEntityState()
    {
        var (status, tree, response) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/objects/{_computer}/health", _reader);
        response.Dispose();

        status.Should().Be(HttpStatusCode.OK);
        tree.GetProperty("monitorId").GetString().Should().Be("System.Health.EntityState");
        tree.GetProperty("kind").GetString().Should().Be("aggregate");
        tree.GetProperty("healthStateName").GetString().Should().Be("Uninitialized");
        tree.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("monitorId").GetString()).Should().Contain(
            ["System.Health.AvailabilityState", "System.Health.PerformanceState", "System.Health.ConfigurationState", "System.Health.SecurityState"]);
    }

    [Fact]
    public async Task StateChanges_AndUnknownObjects()
    {
        var (status, changes, response) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/objects/{_computer}/state-changes?since=2026-01-01T00:00:00Z", _reader);
        response.Dispose();
        status.Should().Be(HttpStatusCode.OK);
        changes.GetProperty("items").GetArrayLength().Should().Be(0, "nothing has reported a state yet");

        foreach (var path in new[] { $"/api/v1/objects/{Guid.Empty}", $"/api/v1/objects/{Guid.Empty}/health", $"/api/v1/objects/{Guid.Empty}/state-changes" })
        {
            var (missing, problem, missingResponse) = await _api.SendAsync(HttpMethod.Get, path, _reader);
            missingResponse.Dispose();
            missing.Should().Be(HttpStatusCode.NotFound, path);
            problem.GetProperty("detail").GetString().Should().Be($"there is no object {Guid.Empty}");
        }
    }
}
