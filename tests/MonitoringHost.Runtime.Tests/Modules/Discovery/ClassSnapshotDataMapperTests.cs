using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Modules.Discovery;
using static MonitoringHost.Runtime.Tests.Modules.Discovery.MapperConfigurations;
using static MonitoringHost.Runtime.Tests.Modules.ModuleTestModel;

namespace MonitoringHost.Runtime.Tests.Modules.Discovery;

public sealed class ClassSnapshotDataMapperTests
{
    private const string AppDiscovery = "Test.Instances!Test.App.Discovery";
    private static readonly Guid ComputerId = Guid.Parse("2e8f4a1b-7c3d-4b5e-9f6a-0d1c2b3a4e5f");

    private static PropertyBagData Bag(params (string Name, string Value)[] values) =>
        new(Now.AddSeconds(-5), values.Select(v => KeyValuePair.Create(v.Name, v.Value)));

    private static ConditionModule Create(string configuration, string workflowId = AppDiscovery, string targetClass = "Microsoft.Windows.Computer") =>
        (ConditionModule)ModuleCatalog.Default.Find("System.Discovery.ClassSnapshotDataMapper")!
            .Create(Setup(configuration, workflowId, Target(targetClass, "web01.contoso.com", ComputerId)));

    private static ModuleConfigurationException Rejected(string configuration) =>
        FluentActions.Invoking(() => Create(configuration)).Should().Throw<ModuleConfigurationException>().Which;

    [Fact]
    public void Evaluate_AppSettings_EmitSnapshotOfTheAppOnItsComputer()
    {
        var mapper = Create(AppMapper());

        var item = mapper.Evaluate(Bag(("Instance", "Shop"), ("Version", "1.2"), ("Port", "8080")));

        var data = item.Should().BeOfType<DiscoveryDataItem>().Subject;
        (data.Time, data.TypeName).Should().Be((Now, "System.Discovery.Data"));
        data.Data.Mode.Should().Be(DiscoveryMode.Snapshot);
        data.Data.Source.Should().Be(DiscoverySource.Workflow("Test.App.Discovery", ComputerId));
        data.Data.Relationships.Should().BeEmpty();
        data.Data.Objects.Should().ContainSingle().Which.Should().BeEquivalentTo(new ObjectData(
            "Test.App",
            new Dictionary<string, string?> { ["InstanceName"] = "Shop", ["Version"] = "1.2", ["Port"] = "8080", ["DisplayName"] = "Shop on web01" },
            new ObjectData("Microsoft.Windows.Computer", new Dictionary<string, string?> { ["PrincipalName"] = "web01.contoso.com" })));
    }

    [Fact]
    public void Evaluate_NumberSelectingNothing_LeavesItUnsetButKeepsEmptyText()
    {
        var mapper = Create(AppMapper());

        var data = ((DiscoveryDataItem)mapper.Evaluate(Bag(("Instance", "Shop")))!).Data;

        data.Objects[0].Properties.Should().Equal(new Dictionary<string, string?>
        {
            ["InstanceName"] = "Shop",
            ["Version"] = "",
            ["Port"] = null,
            ["DisplayName"] = "Shop on web01",
        });
    }

    [Fact]
    public void Evaluate_ComponentTwoLevelsDown_NamesTheAppAndTheComputerAsHosts()
    {
        var mapper = Create(
            ClassMapper(
                "Test.Component",
                Setting("Test.Component", "ComponentName", "$Data/Property[@Name='Name']$"),
                Setting("Test.Component", "Size", "$Data/Property[@Name='Size']$"),
                Setting("Test.App", "InstanceName", "Shop"),
                Setting("Microsoft.Windows.Computer", "PrincipalName", "web01.contoso.com")),
            "Test.Runtime.Modules!Test.Runtime.Component.Discovery",
            "Test.App");

        var data = ((DiscoveryDataItem)mapper.Evaluate(Bag(("Name", "Cart"), ("Size", "2.5")))!).Data;

        data.Source.Should().Be(DiscoverySource.Workflow("Test.Runtime.Component.Discovery", ComputerId));
        data.Objects.Should().ContainSingle().Which.Should().BeEquivalentTo(new ObjectData(
            "Test.Component",
            new Dictionary<string, string?> { ["ComponentName"] = "Cart", ["Size"] = "2.5" },
            new ObjectData(
                "Test.App",
                new Dictionary<string, string?> { ["InstanceName"] = "Shop" },
                new ObjectData("Microsoft.Windows.Computer", new Dictionary<string, string?> { ["PrincipalName"] = "web01.contoso.com" }))));
    }

    [Fact]
    public void Create_Settings_ArePlacedOnTheirLevelOfTheHostingChain()
    {
        var mapper = (ClassSnapshotDataMapper)Create(AppMapper());

        var instance = mapper.Settings.Instance;
        (mapper.Settings.Class.Name, instance.ToString()).Should().Be(("Test.App", "Test.App on Microsoft.Windows.Computer"));
        instance.Settings.Select(s => s.Property.Id).Should().Equal("InstanceName", "Version", "Port", "DisplayName");
        instance.Host!.Settings.Select(s => s.Field).Should().Equal("InstanceSettings/Settings/Setting[1]");
    }

    [Fact]
    public void Create_ClassIdOfNoClass_ThrowsForClassId()
    {
        var problem = Rejected("<ConditionDetection><ClassId>9f0e1d2c-3b4a-4596-8877-665544332211</ClassId></ConditionDetection>");

        problem.Field.Should().Be("ClassId");
        problem.Problem.Should().Contain("9f0e1d2c-3b4a-4596-8877-665544332211");
    }

    [Fact]
    public void Create_AbstractClass_ThrowsForClassId()
    {
        Rejected(ClassMapper("Microsoft.Windows.LocalApplication")).Field.Should().Be("ClassId");
    }

    [Fact]
    public void Create_SettingOfNoClass_ThrowsForThatSettingsName()
    {
        var problem = Rejected(ClassMapper(
            "Test.App",
            Setting("Microsoft.Windows.Computer", "PrincipalName", "web01"),
            "<Setting><Name>0a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9/InstanceName</Name><Value>Shop</Value></Setting>"));

        problem.Field.Should().Be("InstanceSettings/Settings/Setting[2]/Name");
        problem.Problem.Should().Contain("0a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9");
    }

    [Fact]
    public void Create_PropertyTheClassLacks_ThrowsForThatSettingsName()
    {
        var problem = Rejected(ClassMapper(
            "Test.App",
            Setting("Microsoft.Windows.Computer", "PrincipalName", "web01"),
            Setting("Test.App", "InstanceName", "Shop"),
            Setting("Test.App", "Colour", "blue")));

        (problem.Field, problem.Problem).Should().Be(("InstanceSettings/Settings/Setting[3]/Name", "Test.App has no property 'Colour'"));
    }

    [Fact]
    public void Create_NameWithoutClassGuid_ThrowsForThatSettingsName()
    {
        var problem = Rejected(ClassMapper("Test.App", "<Setting><Name>InstanceName</Name><Value>Shop</Value></Setting>"));

        problem.Field.Should().Be("InstanceSettings/Settings/Setting[1]/Name");
    }

    [Fact]
    public void Create_HostKeyMissing_ThrowsNamingTheKey()
    {
        var problem = Rejected(ClassMapper("Test.App", Setting("Test.App", "InstanceName", "Shop")));

        (problem.Field, problem.Problem).Should().Be(("InstanceSettings", "sets no PrincipalName, a key property of Microsoft.Windows.Computer, the host of Test.App"));
    }

    [Fact]
    public void Create_OwnKeyMissing_ThrowsNamingTheKey()
    {
        var problem = Rejected(ClassMapper("Test.App", Setting("Microsoft.Windows.Computer", "PrincipalName", "web01")));

        (problem.Field, problem.Problem).Should().Be(("InstanceSettings", "sets no InstanceName, a key property of Test.App"));
    }

    [Fact]
    public void Create_SettingOfAClassOutsideTheHostingChain_ThrowsForThatSetting()
    {
        var problem = Rejected(ClassMapper(
            "Test.App",
            Setting("Microsoft.Windows.Computer", "PrincipalName", "web01"),
            Setting("Test.App", "InstanceName", "Shop"),
            Setting("Test.Component", "Owner", "ops")));

        problem.Field.Should().Be("InstanceSettings/Settings/Setting[3]/Name");
        problem.Problem.Should().StartWith("Test.Component/Owner is for neither");
    }

    [Fact]
    public void Create_MalformedValueToken_ThrowsForThatSettingsValue()
    {
        var problem = Rejected(ClassMapper(
            "Test.App",
            Setting("Microsoft.Windows.Computer", "PrincipalName", "web01"),
            Setting("Test.App", "InstanceName", "$Data/Property[last()]$")));

        problem.Field.Should().Be("InstanceSettings/Settings/Setting[2]/Value");
    }
}
