using System.Net;
using System.Text;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;

namespace MonitoringHost.Sdk.Tests;

/// <summary>The client's pack and class calls against a real server on loopback, as an author's tool makes them.</summary>
public sealed class MonitoringHostClientManagementPacksTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mh-client-packs-").FullName;
    private LoopbackServer _api = null!;
    private MonitoringHostClient _client = null!;

    public async Task InitializeAsync()
    {
        _api = await LoopbackServer.StartAsync();
        _client = _api.ClientFor(await _api.KeyAsync("author", ApiRole.Author));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Writes a pack file (UTF-8 with a byte order mark, as authoring tools save them); its path.</summary>
    private string Write(string fileName, string xml)
    {
        var path = Path.Combine(_folder, fileName);
        File.WriteAllText(path, xml, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return path;
    }

    private async Task<MonitoringHostApiException> RefusedAsync(Func<MonitoringHostClient, Task> call) =>
        (await _client.Invoking(call).Should().ThrowAsync<MonitoringHostApiException>()).Which;

    [Fact]
    public async Task ImportOne_ThenListGetAndExport_TheBytesImported()
    {
        var file = Write("Contoso.Imported.xml", TestPacks.Imported());

        var imported = (await _client.ImportManagementPacksAsync([file])).Should().ContainSingle().Subject;

        (imported.Name, imported.DisplayName, imported.Version, imported.Sealed).Should().Be(("Contoso.Imported", "Contoso Imported", "1.0.0.0", false));
        (imported.ElementCounts["classType"], imported.ElementCounts["rule"]).Should().Be((1, 1));

        var packs = await _client.ListManagementPacksAsync();
        var listed = packs.Should().ContainSingle(p => p.Name == "Contoso.Imported").Subject;
        (listed.Id, listed.Origin, listed.Version, listed.ElementCounts).Should().Be((imported.Id, "imported", "1.0.0.0", null));
        listed.ImportedAt.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        packs.Single(p => p.Name == "System.Library").Should().Match<ManagementPackInfo>(p => p.Origin == "library" && p.Sealed && p.ImportedAt == null);
        packs.Select(p => p.Name).Should().BeInAscendingOrder(StringComparer.Ordinal).And.OnlyHaveUniqueItems();

        var details = await _client.GetManagementPackAsync("Contoso.Imported");
        (details.ImportedBy, details.ElementCounts!["classType"], details.ReferencedBy).Should().BeEquivalentTo(("author", 1, Array.Empty<string>()));
        details.References!.Select(r => (r.Alias, r.Name, r.PublicKeyToken)).Should().Contain(("System", "System.Library", "31bf3856ad364e35"));

        (await _client.ExportManagementPackAsync("Contoso.Imported")).Should().Equal(await File.ReadAllBytesAsync(file));
        (await RefusedAsync(c => c.ExportManagementPackAsync("Contoso.Nothing"))).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ImportSeveral_ValidateOnlyImportsNothing_ThenRemoveIsRefusedWhileReferenced()
    {
        string[] files = [Write("Contoso.Imported.xml", TestPacks.Imported()), Write("Contoso.Dependent.xml", TestPacks.Dependent())];

        var valid = await _client.ImportManagementPacksAsync(files, validateOnly: true);
        valid.Select(p => p.Name).Should().Equal("Contoso.Imported", "Contoso.Dependent");
        (await _client.ListManagementPacksAsync()).Should().NotContain(p => p.Name.StartsWith("Contoso.", StringComparison.Ordinal), "validateOnly imports nothing");

        var imported = await _client.ImportManagementPacksAsync(files);
        imported.Select(p => (p.Name, p.Version, p.ElementCounts["classType"])).Should().Equal(("Contoso.Imported", "1.0.0.0", 1), ("Contoso.Dependent", "1.0.0.0", 1));
        (await _client.GetManagementPackAsync("Contoso.Imported")).ReferencedBy.Should().Equal("Contoso.Dependent");

        var referenced = await RefusedAsync(c => c.RemoveManagementPackAsync("Contoso.Imported"));
        referenced.Status.Should().Be(HttpStatusCode.Conflict);
        referenced.Problem.Detail.Should().Contain("Contoso.Dependent");
        (await _client.GetManagementPackAsync("Contoso.Imported")).Name.Should().Be("Contoso.Imported", "a refused delete changes nothing");

        await _client.RemoveManagementPackAsync("Contoso.Dependent");
        await _client.RemoveManagementPackAsync("Contoso.Imported");
        (await RefusedAsync(c => c.GetManagementPackAsync("Contoso.Imported"))).Status.Should().Be(HttpStatusCode.NotFound);
        (await RefusedAsync(c => c.RemoveManagementPackAsync("Contoso.Imported"))).Status.Should().Be(HttpStatusCode.NotFound);
        (await _client.ListClassesAsync(criteria: "Name LIKE 'Contoso.%'")).Should().BeEmpty();
    }

    [Fact]
    public async Task ImportAPackThatDoesNotValidate_Is422_WithEveryProblemAndWhere_AndImportsNothing()
    {
        string[] files = [Write("Contoso.Imported.xml", TestPacks.Imported()), Write("Contoso.Broken.xml", TestPacks.Broken())];

        var refusal = await RefusedAsync(c => c.ImportManagementPacksAsync(files));

        refusal.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        refusal.Errors.Should().HaveCountGreaterThanOrEqualTo(2).And.OnlyContain(e => e.Path == "Contoso.Broken.xml" && e.Line > 0 && e.Code.StartsWith("MP", StringComparison.Ordinal));
        refusal.Errors.Select(e => e.Message).Should().Contain(m => m.Contains("System.NoSuchClass", StringComparison.Ordinal));
        (await _client.ListManagementPacksAsync()).Should().NotContain(p => p.Name.StartsWith("Contoso.", StringComparison.Ordinal), "all or nothing");

        var single = await RefusedAsync(c => c.ImportManagementPacksAsync([files[1]], validateOnly: true));
        single.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        single.Errors.Should().OnlyContain(e => e.Path == "body");
    }

    [Fact]
    public async Task ListClasses_ByCriteriaNameAndBase_WalksEveryPage()
    {
        await _client.ImportManagementPacksAsync([Write("Contoso.Imported.xml", TestPacks.Imported()), Write("Contoso.Dependent.xml", TestPacks.Dependent())]);

        var contoso = await _client.ListClassesAsync(criteria: "Name LIKE 'Contoso.%' AND Abstract = false");
        contoso.Select(c => (c.Name, c.ManagementPack, c.Base, c.Hosted)).Should().Equal(
            ("Contoso.Dependent.WebService", "Contoso.Dependent", "Contoso.Imported.Service", true),
            ("Contoso.Imported.Service", "Contoso.Imported", "Microsoft.Windows.LocalApplication", true));
        var web = contoso[0];
        web.Properties.Where(p => p.DeclaringClass != "System.Entity").Select(p => (p.Name, p.Type, p.Key, p.DeclaringClass)).Should().Equal(
            ("Port", "int", false, "Contoso.Imported.Service"), ("ServiceName", "string", true, "Contoso.Imported.Service"), ("Url", "string", false, "Contoso.Dependent.WebService"));

        (await _client.ListClassesAsync(baseClass: "Contoso.Imported.Service")).Select(c => c.Name).Should().Equal("Contoso.Dependent.WebService");
        (await _client.ListClassesAsync(name: "contoso.imported.service")).Select(c => c.DisplayName).Should().Equal("Contoso Service");

        // Read five at a time, the client walks every page to the same classes the server gives in one.
        var all = await _client.ListClassesAsync();
        var paged = await _client.ListClassesAsync(pageSize: 5);
        all.Should().HaveCountGreaterThan(5 * 4).And.OnlyHaveUniqueItems(c => c.Name);
        paged.Select(c => c.Name).Should().Equal(all.Select(c => c.Name)).And.BeInAscendingOrder(StringComparer.Ordinal);
        (await _client.ListClassesAsync(criteria: "Name LIKE 'Contoso.%'", pageSize: 1)).Should().HaveCount(2);

        var bad = await RefusedAsync(c => c.ListClassesAsync(criteria: "Colour = 'red'"));
        (bad.Status, bad.Errors.Single().Path, bad.Errors.Single().Code).Should().Be((HttpStatusCode.BadRequest, "criteria", "unknown-field"));
    }
}
