using System.Xml.Linq;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Modules.Discovery;
using static MonitoringHost.Runtime.Tests.Modules.Discovery.MapperConfigurations;
using static MonitoringHost.Runtime.Tests.Modules.ModuleTestModel;

namespace MonitoringHost.Runtime.Tests.Modules.Discovery;

public sealed class FilteredClassSnapshotDataMapperTests
{
    private const string Expression = """
        <Expression>
          <SimpleExpression>
            <ValueExpression><XPathQuery Type="String">Property[@Name='Installed']</XPathQuery></ValueExpression>
            <Operator>Equal</Operator>
            <ValueExpression><Value Type="String">true</Value></ValueExpression>
          </SimpleExpression>
        </Expression>
        """;

    private static string Configuration(string expression) =>
        AppMapper().Replace("<ClassId>", expression + "<ClassId>", StringComparison.Ordinal);

    private static PropertyBagData Bag(string installed) =>
        new(Now, [new("Instance", "Shop"), new("Version", "2.0"), new("Installed", installed)]);

    /// <summary>Stands in for the expression evaluator: accepts items whose Installed property is "true", and keeps what it was given.</summary>
    private sealed class InstalledFilter
    {
        public List<XElement> Compiled { get; } = [];

        public Predicate<DataItem> Compile(XElement expression, ModuleConfiguration configuration)
        {
            Compiled.Add(expression);
            return item => item is PropertyBagData bag && bag["Installed"] == "true";
        }
    }

    [Fact]
    public void Evaluate_ItemTheExpressionAccepts_EmitsTheMappedObject()
    {
        var filter = new InstalledFilter();
        var mapper = (ConditionModule)new FilteredClassSnapshotDataMapper.Factory(filter.Compile)
            .Create(Setup(Configuration(Expression), "Test.Instances!Test.App.Discovery", Target("Microsoft.Windows.Computer", "web01")));

        var item = mapper.Evaluate(Bag("true"));

        var data = item.Should().BeOfType<DiscoveryDataItem>().Subject.Data;
        data.Objects.Should().ContainSingle().Which.Properties.Should().Contain(
            [new("InstanceName", "Shop"), new("Version", "2.0"), new("DisplayName", "Shop on web01")]);
        filter.Compiled.Should().ContainSingle();
        XNode.DeepEquals(filter.Compiled[0], XElement.Parse(Expression)).Should().BeTrue("the evaluator gets the pack's Expression element");
    }

    [Fact]
    public void Evaluate_ItemTheExpressionRejects_EmitsNothing()
    {
        var mapper = (ConditionModule)new FilteredClassSnapshotDataMapper.Factory(new InstalledFilter().Compile)
            .Create(Setup(Configuration(Expression), "Test.Instances!Test.App.Discovery", Target("Microsoft.Windows.Computer", "web01")));

        mapper.Evaluate(Bag("false")).Should().BeNull();
    }

    [Fact]
    public void Create_WithoutExpression_ThrowsForExpression()
    {
        var factory = new FilteredClassSnapshotDataMapper.Factory(new InstalledFilter().Compile);

        var create = () => factory.Create(Setup(AppMapper(), "Test.Instances!Test.App.Discovery", Target("Microsoft.Windows.Computer", "web01")));

        create.Should().Throw<ModuleConfigurationException>().Which.Field.Should().Be("Expression");
    }

    [Fact]
    public void DefaultCatalog_OffersTheModule_WithTheHostsExpressionEvaluator()
    {
        var factory = ModuleCatalog.Default.Find("System.Discovery.FilteredClassSnapshotDataMapper");
        var mapper = (ConditionModule)factory!.Create(Setup(Configuration(Expression), "Test.Instances!Test.App.Discovery", Target("Microsoft.Windows.Computer", "web01")));

        mapper.Evaluate(Bag("false")).Should().BeNull();
        mapper.Evaluate(Bag("true")).Should().BeOfType<DiscoveryDataItem>();
    }
}
