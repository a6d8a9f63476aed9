using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MonitoringHost.Storage;

namespace MonitoringHost.Server.Tests;

/// <summary>The class endpoints of a real server, over the shipped packs and an imported one.</summary>
public sealed class ClassApiTests : IAsyncLifetime
{
    private LoopbackServer _api = null!;
    private string _reader = "";

    public async Task InitializeAsync()
    {
        _api = await LoopbackServer.StartAsync();
        _reader = await _api.KeyAsync("viewer", ApiRole.ReadOnlyOperator);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Get_ByName_ReturnsTheClassWithItsBaseFlagsAndEveryPropertyInheritedOnesFirst()
    {
        var (status, page, _) = await _api.SendAsync(HttpMethod.Get, "/api/v1/classes?name=microsoft.windows.computer", _reader);

        status.Should().Be(HttpStatusCode.OK);
        var computer = page.GetProperty("items").EnumerateArray().Should().ContainSingle().Subject;
        computer.GetProperty("name").GetString().Should().Be("Microsoft.Windows.Computer");
        computer.GetProperty("id").GetGuid().Should().Be(_api.Server.Classes.Class("Microsoft.Windows.Computer")!.Id);
        computer.GetProperty("base").GetString().Should().Be(_api.Server.Classes.Class("Microsoft.Windows.Computer")!.Base!.Name);
        computer.GetProperty("managementPack").GetString().Should().Be("Microsoft.Windows.Library");
        (computer.GetProperty("abstract").GetBoolean(), computer.GetProperty("hosted").GetBoolean(), computer.GetProperty("singleton").GetBoolean()).Should().Be((false, false, false));
        var properties = computer.GetProperty("properties").EnumerateArray().ToList();
        var principal = properties.Single(p => p.GetProperty("name").GetString() == "PrincipalName");
        (principal.GetProperty("type").GetString(), principal.GetProperty("key").GetBoolean(), principal.GetProperty("declaringClass").GetString()).Should().Be(("string", true, "Microsoft.Windows.Computer"));
        properties.First().GetProperty("declaringClass").GetString().Should().Be("System.Entity");
        properties.Select(p => p.GetProperty("name").GetString()).Should().Contain("DisplayName");
    }

    [Fact]
    public async Task Get_ByIdOrName_ReturnsTheSameClass_AndAnUnknownOneIs404()
    {
        var id = _api.Server.Classes.Class("Microsoft.Windows.Computer")!.Id;

        var (byId, one, _) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/classes/{id}", _reader);
        var (byName, other, _) = await _api.SendAsync(HttpMethod.Get, "/api/v1/classes/Microsoft.Windows.Computer", _reader);
        var (missing, problem, _) = await _api.SendAsync(HttpMethod.Get, "/api/v1/classes/Contoso.Nothing", _reader);

        (byId, byName, missing).Should().Be((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NotFound));
        one.GetRawText().Should().Be(other.GetRawText());
        problem.GetProperty("detail").GetString().Should().Contain("Contoso.Nothing");
    }

    [Fact]
    public async Task List_ByBase_ReturnsEveryDerivedClass_IncludingAnImportedOnes_PagedByName()
    {
        var author = await _api.KeyAsync("author", ApiRole.Author);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(TestPacks.Imported()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        (await _api.SendContentAsync(HttpMethod.Post, "/api/v1/management-packs", author, content)).StatusCode.Should().Be(HttpStatusCode.Created);

        var (_, page, _) = await _api.SendAsync(HttpMethod.Get, "/api/v1/classes?base=Microsoft.Windows.LocalApplication&limit=5000", _reader);

        var names = page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();
        names.Should().Contain("Contoso.Imported.Service").And.NotContain("Microsoft.Windows.LocalApplication").And.BeInAscendingOrder(StringComparer.Ordinal);
        names.Should().OnlyContain(n => _api.Server.Classes.Class(n)!.IsA(_api.Server.Classes.Class("Microsoft.Windows.LocalApplication")!));
        var imported = page.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Contoso.Imported.Service");
        (imported.GetProperty("displayName").GetString(), imported.GetProperty("hosted").GetBoolean()).Should().Be(("Contoso Service", true));

        var all = new List<string>();
        string? cursor = null;
        do
        {
            var (_, part, _) = await _api.SendAsync(HttpMethod.Get, "/api/v1/classes?base=Microsoft.Windows.LocalApplication&limit=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"), _reader);
            all.AddRange(part.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()!));
            cursor = part.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : part.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        all.Should().Equal(names);
    }

    [Theory]
    [InlineData("/api/v1/classes?criteria=Colour%20%3D%20'x'", "unknown field 'Colour'")]
    [InlineData("/api/v1/classes?criteria=hosted%20%3D", "position 9")]
    [InlineData("/api/v1/classes?base=Contoso.Nothing", "Contoso.Nothing")]
    [InlineData("/api/v1/classes?limit=0", "limit")]
    public async Task List_BadQueries_Are400_SayingWhat(string path, string detail)
    {
        var (status, problem, _) = await _api.SendAsync(HttpMethod.Get, path, _reader);

        status.Should().Be(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().Should().Contain(detail);
    }

    [Fact]
    public async Task List_ByCriteria_FiltersOnTheClassFields()
    {
        var criteria = Uri.EscapeDataString("managementPack = 'Microsoft.Windows.Library' AND NOT hosted = true AND abstract = false AND name LIKE '%Computer%'");
        var (status, page, _) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/classes?limit=500&criteria={criteria}", _reader);

        status.Should().Be(HttpStatusCode.OK);
        var classes = page.GetProperty("items").EnumerateArray().ToList();
        classes.Should().NotBeEmpty();
        classes.Should().OnlyContain(c => c.GetProperty("managementPack").GetString() == "Microsoft.Windows.Library"
            && !c.GetProperty("hosted").GetBoolean() && !c.GetProperty("abstract").GetBoolean()
            && c.GetProperty("name").GetString()!.Contains("Computer", StringComparison.OrdinalIgnoreCase));
        classes.Select(c => c.GetProperty("name").GetString()).Should().Contain("Microsoft.Windows.Computer");
    }
}
