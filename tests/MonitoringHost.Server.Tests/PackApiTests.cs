using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Storage;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Server.Tests;

/// <summary>The management pack endpoints of a real server: import, list, export, delete, and the pack set following them live.</summary>
public sealed class PackApiTests : IAsyncLifetime
{
    private LoopbackServer _api = null!;
    private string _author = "";
    private string _reader = "";

    public async Task InitializeAsync()
    {
        _api = await LoopbackServer.StartAsync();
        _author = await _api.KeyAsync("pack-author", ApiRole.Author);
        _reader = await _api.KeyAsync("viewer", ApiRole.ReadOnlyOperator);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Import_TheRuleOfTheImportedPackRuns_ItsClassTakesObjects_AndARestartLoadsItAgain()
    {
        var computer = await _api.DiscoverComputerAsync("srv-01.contoso.com");
        var xml = Encoding.UTF8.GetBytes(TestPacks.Imported());

        var (status, body) = await PostXmlAsync(xml);

        status.Should().Be(HttpStatusCode.Created);
        (body.GetProperty("name").GetString(), body.GetProperty("version").GetString(), body.GetProperty("sealed").GetBoolean()).Should().Be(("Contoso.Imported", "1.0.0.0", false));
        body.GetProperty("displayName").GetString().Should().Be("Contoso Imported");
        body.GetProperty("id").GetGuid().Should().NotBeEmpty();
        (body.GetProperty("elementCounts").GetProperty("classType").GetInt32(), body.GetProperty("elementCounts").GetProperty("rule").GetInt32()).Should().Be((1, 1));

        // The rule targets every Windows computer: this one, and the one the management server runs on.
        var alert = await WaitForAlertAsync("Contoso imported tick", a => a.GetProperty("monitoringObjectId").GetGuid() == computer);
        alert.GetProperty("monitoringObjectDisplayName").GetString().Should().Be(_api.Server.Space.Get(computer)!.DisplayName);

        await _api.Server.Space.ApplyAsync(DiscoveryData.Snapshot(DiscoverySource.Sdk("inventory"),
            [new ObjectData("Contoso.Imported.Service", new Dictionary<string, string?> { ["ServiceName"] = "billing", ["Port"] = "8443" },
                new ObjectData("Microsoft.Windows.Computer", new Dictionary<string, string?> { ["PrincipalName"] = "srv-01.contoso.com" }))]), CancellationToken.None);
        var (_, objects, _) = await _api.SendAsync(HttpMethod.Get, "/api/v1/objects?class=Contoso.Imported.Service", _reader);
        var service = objects.GetProperty("items").EnumerateArray().Should().ContainSingle().Subject;
        (service.GetProperty("properties").GetProperty("Port").GetString(), service.GetProperty("hostId").GetGuid()).Should().Be(("8443", computer));

        using (var exported = await _api.SendContentAsync(HttpMethod.Get, "/api/v1/management-packs/Contoso.Imported", _reader, null, "application/xml"))
        {
            exported.Content.Headers.ContentType!.MediaType.Should().Be("application/xml");
            (await exported.Content.ReadAsByteArrayAsync()).Should().Equal(xml);
        }

        await _api.StopAsync();
        var restarted = DateTime.UtcNow;
        await _api.StartAgainAsync();

        var (_, details, _) = await _api.SendAsync(HttpMethod.Get, "/api/v1/management-packs/Contoso.Imported", _reader);
        (details.GetProperty("origin").GetString(), details.GetProperty("importedBy").GetString()).Should().Be(("imported", "pack-author"));
        details.GetProperty("importedAt").GetDateTime().Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromMinutes(2));
        details.GetProperty("references").EnumerateArray().Select(r => r.GetProperty("name").GetString()).Should().Contain("System.Library");
        _api.Server.Space.OfClass("Contoso.Imported.Service").Should().ContainSingle().Which.Properties["ServiceName"].Should().Be("billing");
        _api.Server.Host.Workflows.Select(w => w.Element.Id).Should().Contain("Contoso.Imported.Tick");
        (await WaitForAlertAsync("Contoso imported tick", a => a.GetProperty("lastModified").GetDateTime() > restarted && a.GetProperty("monitoringObjectId").GetGuid() == computer))
            .GetProperty("monitoringObjectPath").GetString().Should().Be(_api.Server.Space.Get(computer)!.Path);
    }

    [Fact]
    public async Task Import_APackThatDoesNotValidate_Is422_ListingEveryProblemWithItsLine_AndChangesNothing()
    {
        var packsBefore = _api.Server.Classes.Packs;

        var (status, problem) = await PostXmlAsync(Encoding.UTF8.GetBytes(TestPacks.Broken()));

        status.Should().Be(HttpStatusCode.UnprocessableEntity);
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        errors.Select(e => e.GetProperty("code").GetString()).Should().Contain(["MP0121", "MP0138"]);
        errors.Should().OnlyContain(e => e.GetProperty("path").GetString() == "body" && e.GetProperty("line").GetInt32() > 0 && e.GetProperty("message").GetString()!.Length > 0);
        errors.Select(e => e.GetProperty("elementId").GetString()).Should().Contain("Contoso.Broken.Thing");
        _api.Server.Classes.Packs.Should().BeSameAs(packsBefore);
        (await _api.SendAsync(HttpMethod.Get, "/api/v1/management-packs/Contoso.Broken", _reader)).Status.Should().Be(HttpStatusCode.NotFound);
        (await ManagementPackStore.For(_api.Server.Store).ListAsync(CancellationToken.None)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("<ManagementPack><Manifest>", "MP0001")]
    [InlineData("<!DOCTYPE ManagementPack [<!ENTITY x \"y\">]><ManagementPack>&x;</ManagementPack>", "MP0005")]
    [InlineData("<Pack />", "MP0002")]
    public async Task Import_XmlThatDoesNotParse_Is400_SayingWhere(string xml, string code)
    {
        var (status, problem) = await PostXmlAsync(Encoding.UTF8.GetBytes(xml));

        status.Should().Be(HttpStatusCode.BadRequest);
        var error = problem.GetProperty("errors").EnumerateArray().First();
        (error.GetProperty("code").GetString(), error.GetProperty("path").GetString()).Should().Be((code, "body"));
        (await ManagementPackStore.For(_api.Server.Store).ListAsync(CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task Import_TheSamePackTwiceInOneForm_Is400_NamingBothParts()
    {
        var (status, problem) = await PostFormAsync(("one.xml", TestPacks.Imported()), ("two.xml", TestPacks.Imported(TestPacks.Version(1))));

        status.Should().Be(HttpStatusCode.BadRequest);
        var error = problem.GetProperty("errors").EnumerateArray().Should().ContainSingle().Subject;
        (error.GetProperty("code").GetString(), error.GetProperty("elementId").GetString()).Should().Be(("duplicate-pack", "Contoso.Imported"));
        error.GetProperty("message").GetString().Should().Contain("one.xml").And.Contain("two.xml");
        _api.Server.Classes.Packs["Contoso.Imported"].Should().BeNull();
    }

    [Fact]
    public async Task Import_ABodyThatIsNeitherXmlNorAForm_Is415()
    {
        using var response = await _api.SendContentAsync(HttpMethod.Post, "/api/v1/management-packs", _author, new StringContent(TestPacks.Imported(), Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await ReadJsonAsync(response)).GetProperty("detail").GetString().Should().Contain("application/xml").And.Contain("multipart/form-data");
    }

    [Fact]
    public async Task Import_SeveralAsAForm_IsAllOrNothing()
    {
        var (refused, problem) = await PostFormAsync(("Contoso.Imported.xml", TestPacks.Imported()), ("Contoso.Broken.xml", TestPacks.Broken()));

        refused.Should().Be(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("errors").EnumerateArray().Should().OnlyContain(e => e.GetProperty("path").GetString() == "Contoso.Broken.xml");
        _api.Server.Classes.Class("Contoso.Imported.Service").Should().BeNull();

        var (status, body) = await PostFormAsync(("Contoso.Dependent.xml", TestPacks.Dependent()), ("Contoso.Imported.xml", TestPacks.Imported()));

        status.Should().Be(HttpStatusCode.Created);
        body.EnumerateArray().Select(p => p.GetProperty("name").GetString()).Should().Equal("Contoso.Dependent", "Contoso.Imported");
        _api.Server.Classes.Class("Contoso.Dependent.WebService")!.Base!.Name.Should().Be("Contoso.Imported.Service");
    }

    [Fact]
    public async Task Import_ValidateOnly_AnswersAsAnImportWould_AndImportsNothing()
    {
        var (status, body) = await PostXmlAsync(Encoding.UTF8.GetBytes(TestPacks.Imported()), "?validateOnly=true");

        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("name").GetString().Should().Be("Contoso.Imported");
        _api.Server.Classes.Class("Contoso.Imported.Service").Should().BeNull();
        (await _api.SendAsync(HttpMethod.Get, "/api/v1/management-packs/Contoso.Imported", _reader)).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Import_Versions_SameOrHigherReplacesAnUnsealedPack_LowerAndSealedOnesAreRefused()
    {
        (await PostXmlAsync(Encoding.UTF8.GetBytes(TestPacks.Imported(TestPacks.Version(2))))).Status.Should().Be(HttpStatusCode.Created);

        var (same, _) = await PostXmlAsync(Encoding.UTF8.GetBytes(TestPacks.Imported(TestPacks.Version(2), "Renamed tick")));
        var (lower, conflict) = await PostXmlAsync(Encoding.UTF8.GetBytes(TestPacks.Imported(TestPacks.Version(1))));
        var library = await File.ReadAllBytesAsync(_api.Server.Classes.Packs["System.Library"]!.SourcePath);
        var (sealedSame, sealedConflict) = await PostXmlAsync(library);

        same.Should().Be(HttpStatusCode.Created);
        (await ManagementPackStore.For(_api.Server.Store).ListAsync(CancellationToken.None)).Single().Xml.Should().Equal(Encoding.UTF8.GetBytes(TestPacks.Imported(TestPacks.Version(2), "Renamed tick")));
        lower.Should().Be(HttpStatusCode.Conflict);
        conflict.GetProperty("errors")[0].GetProperty("code").GetString().Should().Be("version-conflict");
        conflict.GetProperty("detail").GetString().Should().Contain("1.2.0.0").And.Contain("1.1.0.0");
        sealedSame.Should().Be(HttpStatusCode.Conflict);
        sealedConflict.GetProperty("detail").GetString().Should().Contain("sealed");
        _api.Server.Classes.Packs["Contoso.Imported"]!.Version.Should().Be(new Version(1, 2, 0, 0));
    }

    [Fact]
    public async Task Delete_IsRefusedWhileReferenced_ThenRemovesThePackItsWorkflowsAndItsObjects()
    {
        var computer = await _api.DiscoverComputerAsync("srv-02.contoso.com");
        (await PostFormAsync(("a.xml", TestPacks.Imported()), ("b.xml", TestPacks.Dependent()))).Status.Should().Be(HttpStatusCode.Created);
        await _api.Server.Space.ApplyAsync(DiscoveryData.Snapshot(DiscoverySource.Sdk("inventory"),
            [new ObjectData("Contoso.Dependent.WebService", new Dictionary<string, string?> { ["ServiceName"] = "shop", ["Url"] = "https://shop" },
                new ObjectData("Microsoft.Windows.Computer", new Dictionary<string, string?> { ["PrincipalName"] = "srv-02.contoso.com" }))]), CancellationToken.None);
        var feedBefore = _api.Server.Space.LastSequence;

        var (referenced, problem) = await DeleteAsync("Contoso.Imported");
        referenced.Should().Be(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString().Should().Contain("Contoso.Dependent");

        (await DeleteAsync("Contoso.Dependent")).Status.Should().Be(HttpStatusCode.NoContent);
        _api.Server.Space.OfClass("Microsoft.Windows.LocalApplication").Should().OnlyContain(o => o.ClassName == "Microsoft.SystemCenter.ManagementServer", "only the server's own object, of a shipped class, is left");
        var feed = await _api.Server.Space.ReadFeedAsync(feedBefore, 10, CancellationToken.None);
        feed.Select(e => e.Kind).Should().Equal("object.removed");
        (await DeleteAsync("Contoso.Imported")).Status.Should().Be(HttpStatusCode.NoContent);

        _api.Server.Classes.Class("Contoso.Imported.Service").Should().BeNull();
        _api.Server.Host.Workflows.Select(w => w.Element.Id).Should().NotContain("Contoso.Imported.Tick");
        _api.Server.Space.Get(computer).Should().NotBeNull();
        (await ManagementPackStore.For(_api.Server.Store).ListAsync(CancellationToken.None)).Should().BeEmpty();
        (await DeleteAsync("Contoso.Imported")).Status.Should().Be(HttpStatusCode.NotFound);

        await _api.StopAsync();
        await _api.StartAgainAsync();
        _api.Server.Classes.Class("Contoso.Dependent.WebService").Should().BeNull();
        _api.Server.Space.Get(computer).Should().NotBeNull();
    }

    [Fact]
    public async Task Delete_AShippedLibraryPack_Is409_SayingWhy()
    {
        var (status, problem) = await DeleteAsync("Microsoft.Windows.Library");

        status.Should().Be(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString().Should().Contain("shipped library pack");
        _api.Server.Classes.Packs["Microsoft.Windows.Library"].Should().NotBeNull();
    }

    [Fact]
    public async Task APackGivenToServe_IsListedAsAFile_AndIsNeitherReplacedNorDeleted()
    {
        var file = Path.Combine(Path.GetTempPath(), $"Contoso.Imported-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(file, TestPacks.Imported());
        try
        {
            await using var served = await LoopbackServer.StartAsync([file]);
            var author = await served.KeyAsync("author", ApiRole.Author);

            var (_, details, _) = await served.SendAsync(HttpMethod.Get, "/api/v1/management-packs/Contoso.Imported", author);
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(TestPacks.Imported(TestPacks.Version(5))));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
            using var replaced = await served.SendContentAsync(HttpMethod.Post, "/api/v1/management-packs", author, content);
            var (deleted, problem, _) = await served.SendAsync(HttpMethod.Delete, "/api/v1/management-packs/Contoso.Imported", author);
            using var exported = await served.SendContentAsync(HttpMethod.Get, "/api/v1/management-packs/Contoso.Imported", author, null, "application/xml");

            (details.GetProperty("origin").GetString(), details.GetProperty("importedAt").ValueKind).Should().Be(("file", JsonValueKind.Null));
            replaced.StatusCode.Should().Be(HttpStatusCode.Conflict);
            (await ReadJsonAsync(replaced)).GetProperty("detail").GetString().Should().Contain("mh serve");
            deleted.Should().Be(HttpStatusCode.Conflict);
            problem.GetProperty("detail").GetString().Should().Contain(file);
            (await exported.Content.ReadAsByteArrayAsync()).Should().Equal(await File.ReadAllBytesAsync(file));
            served.Server.Classes.Packs["Contoso.Imported"]!.Version.Should().Be(new Version(1, 0, 0, 0));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task List_ShowsTheShippedPacksWithoutImportTime_AndTheImportedOnesWithIt_PagedByName()
    {
        await PostXmlAsync(Encoding.UTF8.GetBytes(TestPacks.Imported()));

        var (status, page, _) = await _api.SendAsync(HttpMethod.Get, "/api/v1/management-packs?limit=500", _reader);

        status.Should().Be(HttpStatusCode.OK);
        var items = page.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("name").GetString()).Should().BeInAscendingOrder(StringComparer.Ordinal).And.Contain(["System.Library", "Contoso.Imported"]);
        var library = items.Single(i => i.GetProperty("name").GetString() == "System.Library");
        (library.GetProperty("sealed").GetBoolean(), library.GetProperty("origin").GetString(), library.GetProperty("importedAt").ValueKind).Should().Be((true, "library", JsonValueKind.Null));
        items.Single(i => i.GetProperty("name").GetString() == "Contoso.Imported").GetProperty("importedAt").ValueKind.Should().Be(JsonValueKind.String);
        page.GetProperty("nextCursor").ValueKind.Should().Be(JsonValueKind.Null);

        var (_, first, _) = await _api.SendAsync(HttpMethod.Get, "/api/v1/management-packs?limit=2", _reader);
        var cursor = first.GetProperty("nextCursor").GetString();
        var (_, second, _) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/management-packs?limit=2&cursor={Uri.EscapeDataString(cursor!)}", _reader);
        first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("name").GetString())
            .Should().Equal(items.Take(4).Select(i => i.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Roles_ReadersCannotImportOrDelete_AuthorsCan()
    {
        var (status, _) = await PostXmlAsync(Encoding.UTF8.GetBytes(TestPacks.Imported()), key: _reader);
        var operatorKey = await _api.KeyAsync("operator", ApiRole.Operator);
        var (asOperator, _) = await PostXmlAsync(Encoding.UTF8.GetBytes(TestPacks.Imported()), key: operatorKey);

        status.Should().Be(HttpStatusCode.Forbidden);
        asOperator.Should().Be(HttpStatusCode.Forbidden);
        (await DeleteAsync("Contoso.Imported", _reader)).Status.Should().Be(HttpStatusCode.Forbidden);
        (await _api.SendAsync(HttpMethod.Get, "/api/v1/management-packs")).Status.Should().Be(HttpStatusCode.Unauthorized);
        _api.Server.Classes.Packs["Contoso.Imported"].Should().BeNull();
    }

    [SkippableFact]
    public async Task Import_TheRealPacksOfTheCorpus_AsOneForm_RunsThemAll()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.RequireCorpus(), "full"), "*.xml").Order(StringComparer.Ordinal).ToList();

        var (status, body) = await PostFormAsync([.. files.Select(f => (Path.GetFileName(f), File.ReadAllText(f)))]);

        status.Should().Be(HttpStatusCode.Created, body.ToString());
        body.EnumerateArray().Select(p => p.GetProperty("name").GetString()).Should().HaveCount(files.Count).And.Contain("OpsMgr.GenericServiceMonitoring");
        var imported = _api.Server.Classes.Packs["OpsMgr.GenericServiceMonitoring"]!;
        _api.Server.Host.Workflows.Where(w => w.PackId == imported.Id).Should().NotBeEmpty();
        (await ManagementPackStore.For(_api.Server.Store).ListAsync(CancellationToken.None)).Select(p => p.Name).Should().HaveCount(files.Count);
    }

    [Fact]
    public async Task Administration_CanBeCalledDirectly_AsTheCliAndTheEndpointsDo()
    {
        var result = await _api.Server.ManagementPacks.ImportAsync([new PackUpload("Contoso.Imported.xml", Encoding.UTF8.GetBytes(TestPacks.Imported()))], validateOnly: false, "tests", CancellationToken.None);

        result.Outcome.Should().Be(PackChangeOutcome.Done);
        result.Packs.Should().ContainSingle().Which.Origin.Should().Be(ManagementPackOrigin.Imported);
        _api.Server.ManagementPacks.Find("Contoso.Imported")!.ImportedBy.Should().Be("tests");
        (await _api.Server.ManagementPacks.DeleteAsync("Contoso.Imported", CancellationToken.None)).Outcome.Should().Be(PackChangeOutcome.Done);
        _api.Server.ManagementPacks.Find("Contoso.Imported").Should().BeNull();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostXmlAsync(byte[] xml, string query = "", string? key = null)
    {
        var content = new ByteArrayContent(xml);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        using var response = await _api.SendContentAsync(HttpMethod.Post, "/api/v1/management-packs" + query, key ?? _author, content);
        return (response.StatusCode, await ReadJsonAsync(response));
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostFormAsync(params (string FileName, string Xml)[] packs)
    {
        var form = new MultipartFormDataContent();
        foreach (var (fileName, xml) in packs)
        {
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes(xml));
            part.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
            form.Add(part, "pack", fileName);
        }

        using var response = await _api.SendContentAsync(HttpMethod.Post, "/api/v1/management-packs", _author, form);
        return (response.StatusCode, await ReadJsonAsync(response));
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> DeleteAsync(string name, string? key = null)
    {
        var (status, body, _) = await _api.SendAsync(HttpMethod.Delete, $"/api/v1/management-packs/{name}", key ?? _author);
        return (status, body);
    }

    /// <summary>Polls the open alerts until one named <paramref name="name"/> (and matching) is there; fails after 30 s.</summary>
    private async Task<JsonElement> WaitForAlertAsync(string name, Func<JsonElement, bool>? matching = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (_, page, _) = await _api.SendAsync(HttpMethod.Get, "/api/v1/alerts?open=true", _reader);
            var found = page.GetProperty("items").EnumerateArray().FirstOrDefault(a => a.GetProperty("name").GetString() == name && (matching is null || matching(a)));
            if (found.ValueKind == JsonValueKind.Object)
            {
                return found;
            }

            DateTime.UtcNow.Should().BeBefore(deadline, $"the alert '{name}' should have been raised");
            await Task.Delay(200);
        }
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
