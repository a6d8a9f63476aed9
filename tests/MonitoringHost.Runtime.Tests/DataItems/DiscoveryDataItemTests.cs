using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Tests.DataItems;

public sealed class DiscoveryDataItemTests
{
    private static readonly DateTimeOffset Time = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly Guid Target = Guid.Parse("3c4d5e6f-7081-4293-a4b5-c6d7e8f90a1b");

    private static ObjectData Computer(string name) => new("Microsoft.Windows.Computer", new Dictionary<string, string?> { ["PrincipalName"] = name });

    [Theory]
    [InlineData("Contoso.Pack!Contoso.App.Discovery")]
    [InlineData("Contoso.App.Discovery")]
    public void WorkflowSource_WithOrWithoutPack_IsTheDiscoveryElementAndTarget(string workflowId)
    {
        var source = DiscoveryDataItem.WorkflowSource(workflowId, Target);

        source.Should().Be(DiscoverySource.Workflow("Contoso.App.Discovery", Target));
        source.DiscoveryId.Should().Be("Contoso.App.Discovery");
    }

    [Fact]
    public void Select_TypeAndTime_AnswerFromTheItem()
    {
        var item = new DiscoveryDataItem(Time, DiscoveryData.Snapshot(DiscoverySource.Sdk("t"), []));

        item.Select(DataPath.Parse("@type")).Should().Be("System.Discovery.Data");
        item.Select(DataPath.Parse("@time")).Should().Be("2026-01-02T03:04:05.0000000Z");
        item.Select(DataPath.Parse("ClassInstances")).Should().BeNull();
    }

    [Fact]
    public void Combine_SnapshotsOfOneSource_GivesOneSnapshotWithEverything()
    {
        var source = DiscoveryDataItem.WorkflowSource("Contoso.App.Discovery", Target);
        var first = new DiscoveryDataItem(Time, DiscoveryData.Snapshot(source, [Computer("a")]));
        var relationship = new RelationshipData("Test.AppReferencesApp", Computer("a"), Computer("b"));
        var second = new DiscoveryDataItem(Time, DiscoveryData.Snapshot(source, [Computer("b")], [relationship]));

        var combined = DiscoveryDataItem.Combine(Time.AddSeconds(1), [first, second]);

        combined.Time.Should().Be(Time.AddSeconds(1));
        (combined.Data.Mode, combined.Data.Source).Should().Be((DiscoveryMode.Snapshot, source));
        combined.Data.Objects.Should().Equal(first.Data.Objects[0], second.Data.Objects[0]);
        combined.Data.Relationships.Should().Equal(relationship);
    }

    [Fact]
    public void Combine_DifferentSources_Throws()
    {
        var first = new DiscoveryDataItem(Time, DiscoveryData.Snapshot(DiscoverySource.Sdk("a"), [Computer("a")]));
        var second = new DiscoveryDataItem(Time, DiscoveryData.Snapshot(DiscoverySource.Sdk("b"), [Computer("b")]));

        var combine = () => DiscoveryDataItem.Combine(Time, [first, second]);

        combine.Should().Throw<ArgumentException>().WithMessage("*sdk:b*");
    }

    [Fact]
    public void ToXml_Snapshot_WritesClassInstancesWithSettingsHostsAndRelationships()
    {
        var source = DiscoveryDataItem.WorkflowSource("Contoso.App.Discovery", Target);
        var app = new ObjectData(
            "Contoso.App",
            new Dictionary<string, string?> { ["Name"] = "Shop & <Co>", ["Version"] = null },
            Computer("web01.contoso.test"));
        var item = new DiscoveryDataItem(Time, DiscoveryData.Snapshot(source, [app], [new RelationshipData("Test.AppReferencesApp", app, Computer("sql01"))]));

        var root = XmlForm.ShouldRoundTrip(item, ("@type", "System.Discovery.Data"));

        string? At(string path) => XmlForm.XPathText(root, path);
        At("DiscoveryMode").Should().Be("Snapshot");
        At("DiscoverySource").Should().Be($"discovery:Contoso.App.Discovery:{Target:D}");
        At("ClassInstances/ClassInstance/@TypeId").Should().Be("Contoso.App");
        At("ClassInstances/ClassInstance/Settings/Setting[Name='Name']/Value").Should().Be("Shop & <Co>");
        At("ClassInstances/ClassInstance/Settings/Setting[Name='Version']/Name").Should().Be("Version");
        At("ClassInstances/ClassInstance/Settings/Setting[Name='Version']/Value").Should().BeNull();
        At("ClassInstances/ClassInstance/Host/@TypeId").Should().Be("Microsoft.Windows.Computer");
        At("ClassInstances/ClassInstance/Host/Settings/Setting[Name='PrincipalName']/Value").Should().Be("web01.contoso.test");
        At("RelationshipInstances/RelationshipInstance/@TypeId").Should().Be("Test.AppReferencesApp");
        At("RelationshipInstances/RelationshipInstance/@SourceTypeId").Should().Be("Contoso.App");
        At("RelationshipInstances/RelationshipInstance/@TargetTypeId").Should().Be("Microsoft.Windows.Computer");
        At("RelationshipInstances/RelationshipInstance/SourceRole/Host/Settings/Setting/Value").Should().Be("web01.contoso.test");
        At("RelationshipInstances/RelationshipInstance/TargetRole/Settings/Setting[Name='PrincipalName']/Value").Should().Be("sql01");
        At("RemovedClassInstances").Should().BeNull();
    }

    [Fact]
    public void ToXml_IncrementalWithRemovals_WritesTheRemovalsAfterTheClaims()
    {
        var data = DiscoveryData.Incremental(DiscoverySource.Sdk("console"), [Computer("a")]) with
        {
            RemovedObjects = [Computer("b")],
            RemovedRelationships = [new RelationshipData("Test.AppReferencesApp", Computer("a"), Computer("c"))],
        };

        var root = XmlForm.Load(new DiscoveryDataItem(Time, data).ToXml());

        root.Elements().Select(e => e.Name.LocalName).Should().Equal(
            "DiscoveryMode", "DiscoverySource", "ClassInstances", "RelationshipInstances", "RemovedClassInstances", "RemovedRelationshipInstances");
        XmlForm.XPathText(root, "DiscoveryMode").Should().Be("Incremental");
        XmlForm.XPathText(root, "RemovedClassInstances/ClassInstance/Settings/Setting/Value").Should().Be("b");
        XmlForm.XPathText(root, "RemovedRelationshipInstances/RelationshipInstance/TargetRole/Settings/Setting/Value").Should().Be("c");
    }
}
