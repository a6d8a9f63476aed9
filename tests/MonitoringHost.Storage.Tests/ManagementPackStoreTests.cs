using System.Globalization;
using System.Text;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Discovery.Storage;
using MonitoringHost.Storage.Tests.Fixtures;

namespace MonitoringHost.Storage.Tests;

/// <summary>
/// What the management pack store must do, run once per provider by <see cref="Sqlite.SqliteManagementPackStoreTests"/>
/// and <see cref="Postgres.PostgresManagementPackStoreTests"/>, each on a fresh database per test.
/// </summary>
public abstract class ManagementPackStoreTests(StoreProvider provider)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task Save_ThenList_RoundTripsEveryField_AndTheXmlByteForByte()
    {
        await using var test = await TestStores.CreateAsync(provider);
        var store = ManagementPackStore.For(test.Store);
        var xml = Encoding.UTF8.GetBytes("\uFEFF<ManagementPack>«Zürich» 東京</ManagementPack>\r\n");
        var app = new StoredManagementPack("Contoso.App", new Version(1, 2, 3, 4), false, null, xml, T0.AddTicks(15), "author@contoso");
        var library = new StoredManagementPack("Contoso.Library", new Version(2, 0, 0, 0), true, "31bf3856ad364e35", [0x3C, 0x61, 0x2F, 0x3E], T0, "admin");

        await store.SaveAsync([library, app], default);
        var listed = await store.ListAsync(default);

        listed.Select(p => (p.Name, p.Version, p.Sealed, p.PublicKeyToken, p.ImportedAt, p.ImportedBy)).Should().Equal(
            ("Contoso.App", new Version(1, 2, 3, 4), false, null, T0.AddTicks(10), "author@contoso"),
            ("Contoso.Library", new Version(2, 0, 0, 0), true, "31bf3856ad364e35", T0, "admin"));
        listed[0].Xml.Should().Equal(xml);
        listed[1].Xml.Should().Equal(library.Xml);
    }

    [SkippableFact]
    public async Task Save_SameName_ReplacesTheRow_AndSurvivesARestart()
    {
        await using var test = await TestStores.CreateAsync(provider);
        await ManagementPackStore.For(test.Store).SaveAsync([new("Contoso.App", new Version(1, 0), false, null, [1], T0, "a")], default);
        await ManagementPackStore.For(test.Store).SaveAsync([new("Contoso.App", new Version(1, 1), false, null, [2, 3], T0.AddHours(1), "b")], default);

        var reopened = await test.ReopenAsync();

        var pack = (await ManagementPackStore.For(reopened).ListAsync(default)).Should().ContainSingle().Subject;
        (pack.Version, pack.ImportedAt, pack.ImportedBy).Should().Be((new Version(1, 1), T0.AddHours(1), "b"));
        pack.Xml.Should().Equal(2, 3);
    }

    [SkippableFact]
    public async Task Delete_RemovesThePackAndItsObjects_InOneTransaction_WithTheirFeedEvents()
    {
        await using var test = await TestStores.CreateAsync(provider);
        var store = ManagementPackStore.For(test.Store);
        await store.SaveAsync([new("Contoso.App", new Version(1, 0), false, null, [1], T0, "a")], default);
        var computer = Object(1, "Microsoft.Windows.Computer", null);
        var app = Object(2, "Contoso.App.Server", computer.Id);
        var reference = new RelationshipInstance(Id(10), "Contoso.App.Uses", app.Id, computer.Id, T0);
        await test.Store.CommitAsync(new InstanceChangeSet(
            [computer, app], [], [reference], [],
            [new Claim("sdk:tests", ClaimKind.Object, computer.Id), new Claim("sdk:tests", ClaimKind.Object, app.Id), new Claim("sdk:tests", ClaimKind.Relationship, reference.Id)], [], []), default);

        (await store.DeleteAsync("Contoso.App", [app], [reference], default)).Should().BeTrue();

        var loaded = await test.Store.LoadAsync(default);
        loaded.Objects.Select(o => o.Id).Should().Equal(computer.Id);
        loaded.Relationships.Should().BeEmpty();
        loaded.Claims.Should().Equal(new Claim("sdk:tests", ClaimKind.Object, computer.Id));
        (await store.ListAsync(default)).Should().BeEmpty();
        var feed = await test.Store.ReadFeedAsync(0, 10, default);
        feed.Select(e => (e.Kind, e.SubjectId)).Should().Equal(("relationship.removed", reference.Id), ("object.removed", app.Id));
        feed[1].Payload.Should().Contain("\"className\":\"Contoso.App.Server\"");
    }

    [SkippableFact]
    public async Task Delete_UnknownPack_ReturnsFalse_AndRemovesNothing()
    {
        await using var test = await TestStores.CreateAsync(provider);
        var computer = Object(1, "Microsoft.Windows.Computer", null);
        await test.Store.CommitAsync(new InstanceChangeSet([computer], [], [], [], [new Claim("sdk:tests", ClaimKind.Object, computer.Id)], [], []), default);

        (await ManagementPackStore.For(test.Store).DeleteAsync("Contoso.Missing", [computer], [], default)).Should().BeFalse();

        (await test.Store.LoadAsync(default)).Objects.Should().ContainSingle();
        (await test.Store.ReadFeedAsync(0, 10, default)).Should().BeEmpty();
    }

    private static Guid Id(int n) => new(n, 0, 0, [0, 0, 0, 0, 0, 0, 0, 1]);

    private static MonitoringObject Object(int n, string className, Guid? host) =>
        new(Id(n), className, $"object {n.ToString(CultureInfo.InvariantCulture)}", $"path-{n.ToString(CultureInfo.InvariantCulture)}", host, ObjectProperties.Empty, T0, T0);
}
