using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;

namespace MonitoringHost.Server.Tests;

/// <summary>The OpenAPI document of a real server.</summary>
public sealed class OpenApiTests : IAsyncLifetime
{
    private static readonly HttpClient Client = new();
    private LoopbackServer _api = null!;

    public async Task InitializeAsync() => _api = await LoopbackServer.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Document_DescribesEveryApiEndpoint_AndTheKeyTheyNeed()
    {
        using var response = await Client.GetAsync(new Uri(_api.Url + "/openapi/v1.json"));

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the API description needs no key");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        root.GetProperty("openapi").GetString().Should().StartWith("3.");
        root.GetProperty("info").GetProperty("title").GetString().Should().Be("MonitoringHost SDK");
        root.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("scheme").GetString().Should().Be("bearer");

        var described = root.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet();
        var mapped = ((IEndpointRouteBuilder)_api.App).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods
                .Select(m => $"{m} {System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!, ":[a-z]+}", "}")}"))
            .ToList();
        mapped.Should().HaveCountGreaterThan(15);
        described.Should().Contain(mapped);

        // The contract types the server answers with and reads are in the document.
        var alerts = root.GetProperty("paths").GetProperty("/api/v1/alerts");
        alerts.GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema")
            .GetProperty("properties").TryGetProperty("severity", out _).Should().BeTrue();
        alerts.GetProperty("post").GetProperty("responses").TryGetProperty("201", out _).Should().BeTrue();
        var schemas = root.GetProperty("components").GetProperty("schemas");
        schemas.GetProperty("MonitoringAlert").GetProperty("properties").TryGetProperty("resolutionState", out _).Should().BeTrue();
        schemas.TryGetProperty("HealthExplorerNode", out _).Should().BeTrue();
        root.GetProperty("paths").GetProperty("/api/v1/events").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content")
            .TryGetProperty("text/event-stream", out _).Should().BeTrue("the event stream says what it answers");
        schemas.GetProperty("ChangeEvent").GetProperty("properties").TryGetProperty("sequence", out _).Should().BeTrue();

        var secured = root.GetProperty("paths").GetProperty("/api/v1/alerts").GetProperty("get").GetProperty("security")[0];
        secured.TryGetProperty("ApiKey", out _).Should().BeTrue();
        root.GetProperty("paths").GetProperty("/api/v1/health").GetProperty("get").TryGetProperty("security", out _).Should().BeFalse();
    }
}
