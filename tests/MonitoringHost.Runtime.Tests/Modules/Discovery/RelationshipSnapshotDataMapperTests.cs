using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Modules.Discovery;
using static MonitoringHost.Runtime.Tests.Modules.Discovery.MapperConfigurations;
using static MonitoringHost.Runtime.Tests.Modules.ModuleTestModel;

namespace MonitoringHost.Runtime.Tests.Modules.Discovery;

public sealed class RelationshipSnapshotDataMapperTests
{
    private static readonly Guid ComputerId = Guid.Parse("7b1c2d3e-4f50-4162-8374-a5b6c7d8e9f0");

    private static readonly string[] FromEnd =
    [
        Setting("Microsoft.Windows.Computer", "PrincipalName", "web01.contoso.com"),
        Setting("Test.App", "InstanceName", "$Data/Property[@Name='From']$"),
    ];

    private static readonly string[] ToEnd =
    [
        Setting("Microsoft.Windows.Computer", "PrincipalName", "$Data/Property[@Name='ToComputer']$"),
        Setting("Test.App", "InstanceName", "Db"),
    ];

    private static string Configuration(string[] source, string[] target, string extra = "", string relationship = "Test.AppReferencesApp") => $"""
        <ConditionDetection ID="Mapper" TypeID="System!System.Discovery.RelationshipSnapshotDataMapper">
          <RelationshipId>{(relationship.Contains('-', StringComparison.Ordinal) ? relationship : RelationshipGuid(relationship))}</RelationshipId>
          {Settings("SourceRoleSettings", source)}
          {Settings("TargetRoleSettings", target)}
          {extra}
        </ConditionDetection>
        """;

    private static ConditionModule Create(string configuration) =>
        (ConditionModule)ModuleCatalog.Default.Find("System.Discovery.RelationshipSnapshotDataMapper")!
            .Create(Setup(configuration, "Test.Instances!Test.App.Discovery", Target("Microsoft.Windows.Computer", "web01.contoso.com", ComputerId)));

    private static ModuleConfigurationException Rejected(string configuration) =>
        FluentActions.Invoking(() => Create(configuration)).Should().Throw<ModuleConfigurationException>().Which;

    private static ObjectData App(string computer, string instance, string className = "Test.App") =>
        new(className, new Dictionary<string, string?> { ["InstanceName"] = instance },
            new ObjectData("Microsoft.Windows.Computer", new Dictionary<string, string?> { ["PrincipalName"] = computer }));

    [Fact]
    public void Evaluate_RoleSettings_EmitSnapshotOfTheRelationshipBetweenBothEnds()
    {
        var mapper = Create(Configuration(FromEnd, ToEnd));

        var item = mapper.Evaluate(new PropertyBagData(Now, [new("From", "Shop"), new("ToComputer", "sql01.contoso.com")]));

        var data = item.Should().BeOfType<DiscoveryDataItem>().Subject.Data;
        (data.Mode, data.Source).Should().Be((DiscoveryMode.Snapshot, DiscoverySource.Workflow("Test.App.Discovery", ComputerId)));
        data.Objects.Should().BeEmpty();
        data.Relationships.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new RelationshipData("Test.AppReferencesApp", App("web01.contoso.com", "Shop"), App("sql01.contoso.com", "Db")));
    }

    [Fact]
    public void Evaluate_SourceTypeIdOfADerivedClass_NamesTheSourceByIt()
    {
        var mapper = Create(Configuration(FromEnd, ToEnd, $"<SourceTypeId>{ClassGuid("Test.WebApp")}</SourceTypeId>"));

        var data = ((DiscoveryDataItem)mapper.Evaluate(new PropertyBagData(Now, [new("From", "Shop"), new("ToComputer", "sql01")]))!).Data;

        data.Relationships[0].Source.Should().BeEquivalentTo(App("web01.contoso.com", "Shop", "Test.WebApp"));
        data.Relationships[0].Target.ClassName.Should().Be("Test.App");
    }

    [Fact]
    public void Create_SettingOfADerivedClassWithoutTypeId_MakesTheEndThatClass()
    {
        var mapper = (RelationshipSnapshotDataMapper)Create(Configuration(FromEnd, [.. ToEnd, Setting("Test.WebApp", "Url", "https://db")]));

        (mapper.Settings.Source.Class.Name, mapper.Settings.Target.Class.Name).Should().Be(("Test.App", "Test.WebApp"));
        mapper.Settings.Target.Settings.Select(s => s.Property.Id).Should().Equal("InstanceName", "Url");
        mapper.Settings.Target.Host!.Class.Name.Should().Be("Microsoft.Windows.Computer");
    }

    [Fact]
    public void Create_RelationshipIdOfNoRelationship_ThrowsForRelationshipId()
    {
        Rejected(Configuration(FromEnd, ToEnd, relationship: ClassGuid("Test.App"))).Field.Should().Be("RelationshipId");
    }

    [Fact]
    public void Create_AbstractRelationship_ThrowsForRelationshipId()
    {
        Rejected(Configuration(FromEnd, ToEnd, relationship: "System.Reference")).Field.Should().Be("RelationshipId");
    }

    [Fact]
    public void Create_SourceTypeIdNotOfTheSourceEnd_ThrowsForSourceTypeId()
    {
        var problem = Rejected(Configuration(FromEnd, ToEnd, $"<SourceTypeId>{ClassGuid("Test.Component")}</SourceTypeId>"));

        (problem.Field, problem.Problem).Should().Be(("SourceTypeId", "Test.Component is not a Test.App, the source of the relationship type"));
    }

    [Fact]
    public void Create_TargetKeyMissing_ThrowsForTargetRoleSettings()
    {
        var problem = Rejected(Configuration(FromEnd, [ToEnd[1]]));

        (problem.Field, problem.Problem).Should().Be(("TargetRoleSettings", "sets no PrincipalName, a key property of Microsoft.Windows.Computer, the host of Test.App"));
    }

    [Fact]
    public void Create_InstanceSettings_ThrowsForTheSettingBecauseRelationshipsCarryNoProperties()
    {
        var problem = Rejected(Configuration(FromEnd, ToEnd, Settings("InstanceSettings", Setting("System.Entity", "DisplayName", "x"))));

        problem.Field.Should().Be("InstanceSettings/Settings/Setting[1]/Name");
    }
}
