using System.Net;
using System.Text.Json;
using MonitoringHost.Storage;

namespace MonitoringHost.Server.Tests;

/// <summary>The connector registry (<c>/api/v1/connectors</c>) of a real server: registration, its key, lifecycle.</summary>
public sealed class ConnectorApiTests : IAsyncLifetime
{
    private const string Connectors = "/api/v1/connectors";
    private static readonly Guid Itsm = Guid.Parse("5a7e0c2d-9b1f-4e3a-8c6d-2f4b1a9e7d30");

    private LoopbackServer _api = null!;
    private string _admin = "";
    private string _reader = "";

    public async Task InitializeAsync()
    {
        _api = await LoopbackServer.StartAsync(["Test.Sdk.xml"]);
        _admin = await _api.KeyAsync("admin", ApiRole.Administrator);
        _reader = await _api.KeyAsync("viewer", ApiRole.ReadOnlyOperator);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string key, string? json = null)
    {
        var (status, body, response) = await _api.SendAsync(method, path, key, json);
        response.Dispose();
        return (status, body);
    }

    private Task<(HttpStatusCode Status, JsonElement Body)> RegisterAsync(string json) => SendAsync(HttpMethod.Post, Connectors, _admin, json);

    private static string Push(Guid connector, string hostName) =>
        $$"""{ "mode": "snapshot", "source": { "kind": "connector", "id": "{{connector}}" }, "objects": [ { "class": "Test.Sdk.VirtualizationHost", "properties": { "HostName": "{{hostName}}" } } ] }""";

    private IEnumerable<string> HostNames() =>
        _api.Server.Space.OfClass("Test.Sdk.VirtualizationHost").Select(o => o.Properties["HostName"]!).Order(StringComparer.Ordinal);

    [Fact]
    public async Task Register_ReturnsAConnectorKey_ThatPushesOnlyAsItsOwnConnector()
    {
        var (status, registered) = await RegisterAsync($$"""{ "id": "{{Itsm}}", "name": "Contoso.Itsm", "displayName": "Contoso ITSM", "description": "tickets", "ownsDiscoveryData": true }""");

        status.Should().Be(HttpStatusCode.Created, registered.ToString());
        registered.GetProperty("id").GetGuid().Should().Be(Itsm);
        var key = registered.GetProperty("apiKey").GetString()!;
        key.Should().StartWith(ApiKeyStore.KeyPrefix);
        var connector = registered.GetProperty("connector");
        (connector.GetProperty("name").GetString(), connector.GetProperty("displayName").GetString(), connector.GetProperty("description").GetString(),
            connector.GetProperty("ownsDiscoveryData").GetBoolean(), connector.GetProperty("enabled").GetBoolean(), connector.GetProperty("createdBy").GetString())
            .Should().Be(("Contoso.Itsm", "Contoso ITSM", "tickets", true, true, "admin"));
        var identity = await _api.Server.Keys.AuthenticateAsync(key, default);
        (identity!.Role, identity.ConnectorId).Should().Be((ApiRole.Connector, Itsm));

        (await SendAsync(HttpMethod.Post, "/api/v1/discovery-data", key, Push(Itsm, "hv01"))).Status.Should().Be(HttpStatusCode.OK);
        (await SendAsync(HttpMethod.Post, "/api/v1/discovery-data", key, Push(Guid.NewGuid(), "hv02"))).Status.Should().Be(HttpStatusCode.Forbidden);
        HostNames().Should().Equal("hv01");

        // Its key reads its own connector and no other, and lists only its own.
        var other = (await RegisterAsync("""{ "name": "Contoso.Other" }""")).Body.GetProperty("id").GetGuid();
        (await SendAsync(HttpMethod.Get, $"{Connectors}/{Itsm}", key)).Body.GetProperty("name").GetString().Should().Be("Contoso.Itsm");
        var (refused, problem) = await SendAsync(HttpMethod.Get, $"{Connectors}/{other}", key);
        refused.Should().Be(HttpStatusCode.Forbidden);
        problem.GetProperty("detail").GetString().Should().Contain("only its own connector");
        (await SendAsync(HttpMethod.Get, Connectors, key)).Body.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).Should().Equal(Itsm);
        (await SendAsync(HttpMethod.Get, Connectors, _reader)).Body.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString())
            .Should().Equal("Contoso.Itsm", "Contoso.Other");
    }

    [Fact]
    public async Task Register_SameIdAgain_Is200WithoutAKey_AndDescribesItAnew()
    {
        var first = (await RegisterAsync($$"""{ "id": "{{Itsm}}", "name": "Contoso.Itsm" }""")).Body;

        var (status, again) = await RegisterAsync($$"""{ "id": "{{Itsm}}", "name": "Contoso.Itsm", "displayName": "ITSM v2" }""");

        status.Should().Be(HttpStatusCode.OK);
        again.GetProperty("apiKey").ValueKind.Should().Be(JsonValueKind.Null);
        again.GetProperty("connector").GetProperty("displayName").GetString().Should().Be("ITSM v2");
        again.GetProperty("connector").GetProperty("created").GetDateTimeOffset().Should().Be(first.GetProperty("connector").GetProperty("created").GetDateTimeOffset());
        first.GetProperty("connector").GetProperty("displayName").GetString().Should().Be("Contoso.Itsm", "the display name defaults to the name");
        (await _api.Server.Keys.ListAsync(default)).Count(k => k.ConnectorId == Itsm).Should().Be(1);
        (await SendAsync(HttpMethod.Get, Connectors, _reader)).Body.GetProperty("items").GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task Register_NameOfAnotherConnector_Is409_AndChangesNothing()
    {
        await RegisterAsync($$"""{ "id": "{{Itsm}}", "name": "Contoso.Itsm" }""");
        var keysBefore = (await _api.Server.Keys.ListAsync(default)).Count;

        var (status, problem) = await RegisterAsync("""{ "name": "Contoso.Itsm" }""");

        status.Should().Be(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString().Should().Contain("'Contoso.Itsm' exists already");
        (await _api.Server.Keys.ListAsync(default)).Count.Should().Be(keysBefore);
        (await SendAsync(HttpMethod.Get, Connectors, _reader)).Body.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).Should().Equal(Itsm);
    }

    [Fact]
    public async Task Register_WhenItsKeyNameIsTaken_Is409_AndLeavesNoConnector()
    {
        await _api.KeyAsync($"connector:{Itsm}", ApiRole.Operator);

        var (status, problem) = await RegisterAsync($$"""{ "id": "{{Itsm}}", "name": "Contoso.Itsm" }""");

        status.Should().Be(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString().Should().Contain($"'connector:{Itsm}' exists already");
        (await SendAsync(HttpMethod.Get, $"{Connectors}/{Itsm}", _reader)).Status.Should().Be(HttpStatusCode.NotFound);
        (await _api.Server.Keys.ListAsync(default)).Should().NotContain(k => k.Role == ApiRole.Connector);
    }

    [Fact]
    public async Task EnableAndDisable_ShowInGet()
    {
        await RegisterAsync($$"""{ "id": "{{Itsm}}", "name": "Contoso.Itsm" }""");

        var (disabled, answer) = await SendAsync(HttpMethod.Post, $"{Connectors}/{Itsm}:disable", _admin);
        disabled.Should().Be(HttpStatusCode.OK);
        answer.GetProperty("enabled").GetBoolean().Should().BeFalse();
        (await SendAsync(HttpMethod.Get, $"{Connectors}/{Itsm}", _reader)).Body.GetProperty("enabled").GetBoolean().Should().BeFalse();

        (await SendAsync(HttpMethod.Post, $"{Connectors}/{Itsm}:enable", _admin)).Status.Should().Be(HttpStatusCode.OK);
        (await SendAsync(HttpMethod.Get, $"{Connectors}/{Itsm}", _reader)).Body.GetProperty("enabled").GetBoolean().Should().BeTrue();

        var missing = Guid.NewGuid();
        var (notFound, problem) = await SendAsync(HttpMethod.Post, $"{Connectors}/{missing}:enable", _admin);
        notFound.Should().Be(HttpStatusCode.NotFound);
        problem.GetProperty("detail").GetString().Should().Contain(missing.ToString());
        (await SendAsync(HttpMethod.Post, $"{Connectors}/{Itsm}:disable", _reader)).Status.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Delete_RemovesWhatOnlyItClaimed_RevokesItsKey_AndIsThen404()
    {
        var key = (await RegisterAsync($$"""{ "id": "{{Itsm}}", "name": "Contoso.Itsm" }""")).Body.GetProperty("apiKey").GetString()!;
        (await SendAsync(HttpMethod.Post, "/api/v1/discovery-data", key,
            $$"""{ "mode": "snapshot", "source": { "kind": "connector", "id": "{{Itsm}}" }, "objects": [ { "class": "Test.Sdk.VirtualizationHost", "properties": { "HostName": "hv01" } }, { "class": "Test.Sdk.VirtualizationHost", "properties": { "HostName": "hv02" } } ] }"""))
            .Status.Should().Be(HttpStatusCode.OK);
        // hv02 is claimed by an sdk source as well: it stays.
        var author = await _api.KeyAsync("author", ApiRole.Author);
        (await SendAsync(HttpMethod.Post, "/api/v1/discovery-data", author,
            """{ "mode": "snapshot", "source": { "kind": "sdk", "id": "inventory" }, "objects": [ { "class": "Test.Sdk.VirtualizationHost", "properties": { "HostName": "hv02" } } ] }"""))
            .Status.Should().Be(HttpStatusCode.OK);
        HostNames().Should().Equal("hv01", "hv02");

        (await SendAsync(HttpMethod.Delete, $"{Connectors}/{Itsm}", _admin)).Status.Should().Be(HttpStatusCode.NoContent);

        HostNames().Should().Equal("hv02");
        (await SendAsync(HttpMethod.Get, "/api/v1/objects?class=Test.Sdk.VirtualizationHost", _reader)).Body.GetProperty("items").GetArrayLength().Should().Be(1);
        (await SendAsync(HttpMethod.Get, Connectors, key)).Status.Should().Be(HttpStatusCode.Unauthorized);
        (await SendAsync(HttpMethod.Post, "/api/v1/discovery-data", key, Push(Itsm, "hv03"))).Status.Should().Be(HttpStatusCode.Unauthorized);
        (await SendAsync(HttpMethod.Get, $"{Connectors}/{Itsm}", _reader)).Status.Should().Be(HttpStatusCode.NotFound);
        (await SendAsync(HttpMethod.Delete, $"{Connectors}/{Itsm}", _admin)).Status.Should().Be(HttpStatusCode.NotFound);

        // The id is free again: registering it anew gives a new key.
        var (status, again) = await RegisterAsync($$"""{ "id": "{{Itsm}}", "name": "Contoso.Itsm" }""");
        status.Should().Be(HttpStatusCode.Created);
        again.GetProperty("apiKey").GetString().Should().NotBe(key);
    }

    [Theory]
    [InlineData("""{ }""", "$")]
    [InlineData("""{ "name": "" }""", "name")]
    [InlineData("""{ "name": " padded" }""", "name")]
    [InlineData("""{ "name": "tab\there" }""", "name")]
    [InlineData("""{ "name": null }""", "$.name")]
    [InlineData("""{ "name": "ok", "displayName": "  " }""", "displayName")]
    [InlineData("""{ "name": "ok", "id": "00000000-0000-0000-0000-000000000000" }""", "id")]
    [InlineData("""{ "name": "ok", "id": "not-a-guid" }""", "$.id")]
    [InlineData("""{ "name": "ok", "ownsDiscoveryData": "yes" }""", "$.ownsDiscoveryData")]
    [InlineData("""{ "name": "ok", "color": "red" }""", "$")]
    public async Task Register_BadInput_IsAProblemSayingWhere_AndChangesNothing(string json, string path)
    {
        var (status, problem) = await RegisterAsync(json);

        status.Should().Be(HttpStatusCode.BadRequest, problem.ToString());
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).Should().Contain(p => p!.StartsWith(path, StringComparison.Ordinal));
        (await SendAsync(HttpMethod.Get, Connectors, _reader)).Body.GetProperty("items").GetArrayLength().Should().Be(0);
        (await _api.Server.Keys.ListAsync(default)).Should().NotContain(k => k.Role == ApiRole.Connector);
    }

    [Fact]
    public async Task Register_TooLongFields_ListsEveryProblem()
    {
        var (status, problem) = await RegisterAsync($$"""{ "name": "{{new string('n', 129)}}", "displayName": "{{new string('d', 257)}}", "description": "{{new string('x', 4001)}}" }""");

        status.Should().Be(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).Should().Equal("name", "displayName", "description");
    }

    [Fact]
    public async Task Client_RegistersListsTogglesAndDeletes()
    {
        using var client = _api.ClientFor(_admin);

        var registered = await client.RegisterConnectorAsync(new Sdk.Contracts.ConnectorRegistration("Contoso.Itsm", Itsm));
        var disabled = await client.SetConnectorEnabledAsync(Itsm, enabled: false);
        var listed = await client.ListConnectorsAsync();
        await client.DeleteConnectorAsync(Itsm);

        (registered.Id, registered.ApiKey is not null, disabled.Enabled, listed.Single().Name).Should().Be((Itsm, true, false, "Contoso.Itsm"));
        (await client.ListConnectorsAsync()).Should().BeEmpty();
        (await FluentActions.Awaiting(() => client.GetConnectorAsync(Itsm)).Should().ThrowAsync<Sdk.MonitoringHostApiException>())
            .Which.Problem.Status.Should().Be(404);
    }
}
