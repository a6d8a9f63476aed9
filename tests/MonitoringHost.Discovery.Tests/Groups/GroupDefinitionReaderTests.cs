using MonitoringHost.Discovery.Groups;
using MonitoringHost.Discovery.Groups.Expressions;

namespace MonitoringHost.Discovery.Tests.Groups;

public sealed class GroupDefinitionReaderTests
{
    private static readonly GroupDefinitionSet Read = GroupDefinitionReader.Read(GroupTestModel.Classes);

    private static GroupDefinition Group(string groupClass) => Read.Groups.Should().ContainSingle(g => g.GroupClass.Name == groupClass).Subject;

    [Fact]
    public void Read_TestPack_FindsEveryGroupPopulatorWithoutProblems()
    {
        Read.Problems.Should().BeEmpty();
        Read.Groups.Select(g => g.DiscoveryId).Should().BeEquivalentTo(
            "Test.Groups.ProductionApps.Discovery",
            "Test.Groups.SqlComputers.Discovery",
            "Test.Groups.Listed.Discovery",
            "Test.Groups.ProdDomainDatabases.Discovery",
            "Test.Groups.AppsOnSqlComputers.Discovery",
            "Test.Groups.StagingApps.Discovery");
        Read.Groups.Should().OnlyContain(g => g.Enabled && g.PackId == "Test.Groups");
    }

    [Fact]
    public void Read_PropertyExpressions_ResolveClassesAndPropertiesFromTheDiscoverysPack()
    {
        var rule = Group(GroupTestModel.ProductionApps).Rules.Should().ContainSingle().Subject;

        rule.MonitoringClass.Name.Should().Be("Test.Groups.App");
        rule.RelationshipClass.Name.Should().Be(GroupTestModel.InstanceGroupContainsEntities);
        var and = rule.Expression.Should().BeOfType<AndExpression>().Subject;
        var regex = and.Operands[0].Should().BeOfType<PatternExpression>().Subject;
        (regex.Operator, regex.Pattern).Should().Be((PatternOperator.MatchesRegularExpression, "^Prod(uction)?$"));
        regex.Value.Should().BeOfType<PropertyOperand>().Which.Property.Id.Should().Be("Tier");
        and.Operands[1].Should().BeOfType<NullTestExpression>().Which.IsNull.Should().BeFalse();
    }

    [Fact]
    public void Read_ContainsClause_KeepsItsClassAndNestedExpression()
    {
        var rule = Group(GroupTestModel.SqlComputers).Rules.Single();

        rule.RelationshipClass.Name.Should().Be(GroupTestModel.ComputerGroupContainsComputer);
        var contains = rule.Expression.Should().BeOfType<ContainmentExpression>().Subject;
        (contains.Kind, contains.Class!.Name, contains.MaxDepth).Should().Be((ContainmentKind.Contains, "Test.Groups.Database", (int?)null));
        contains.Expression.Should().BeOfType<PatternExpression>().Which.Operator.Should().Be(PatternOperator.MatchesWildcard);
    }

    [Fact]
    public void Read_IncludeAndExcludeLists_AreObjectIds()
    {
        var rules = Group(GroupTestModel.Listed).Rules;

        rules.Should().HaveCount(2);
        rules[0].ExcludeList.Should().Equal(GroupTestModel.ExcludedApp);
        rules[1].IncludeList.Should().Equal(GroupTestModel.IncludedComputer);
        rules[0].Expression.Should().Be(new ComparisonExpression(
            new PropertyOperand(GroupTestModel.Classes.Class("Test.Groups.App")!, GroupTestModel.Classes.Class("Test.Groups.App")!.Properties["Port"]),
            ComparisonOperator.GreaterEqual,
            new LiteralOperand("8000")));
    }

    [Fact]
    public void Read_LikeOperator_BecomesAPattern()
    {
        var contained = Group(GroupTestModel.ProdDomainDatabases).Rules.Single().Expression.Should().BeOfType<ContainmentExpression>().Subject;

        contained.Kind.Should().Be(ContainmentKind.Contained);
        var like = contained.Expression.Should().BeOfType<PatternExpression>().Subject;
        (like.Operator, like.Pattern).Should().Be((PatternOperator.Like, "%.prod.contoso.com"));
        like.Matcher.IsMatch("DB02.Prod.Contoso.com").Should().BeTrue();
        like.Matcher.IsMatch("db02.prod.contoso.com.evil").Should().BeFalse();
    }

    [Fact]
    public void Read_CompositeDataSource_SubstitutesConfigIntoTheGroupPopulator()
    {
        var group = Group(GroupTestModel.StagingApps);

        group.DiscoveryId.Should().Be("Test.Groups.StagingApps.Discovery");
        var pattern = group.Rules.Single().Expression.Should().BeOfType<PatternExpression>().Subject;
        (pattern.Operator, pattern.Pattern).Should().Be((PatternOperator.ContainsSubstring, "stag"));
    }

    [Fact]
    public void Read_RulesItCannotUnderstand_AreReportedWithWhereAndTheOtherGroupsStillRead()
    {
        var xml = GroupTestModel.PackXml
            .Replace(
                "<Pattern>^Prod(uction)?$</Pattern>",
                "<Pattern>^Prod(uction$</Pattern>",
                StringComparison.Ordinal)
            .Replace(
                "<ValueExpression><Value>8000</Value></ValueExpression>",
                "<ValueExpression><XPathQuery>Port</XPathQuery></ValueExpression>",
                StringComparison.Ordinal)
            .Replace(
                "<GroupInstanceId>$MPElement[Name=\"Test.Groups.SqlComputers\"]$</GroupInstanceId>",
                "<GroupInstanceId>$MPElement[Name=\"Windows!Microsoft.Windows.Computer\"]$</GroupInstanceId>",
                StringComparison.Ordinal)
            .Replace(
                "<MonitoringClass>$MPElement[Name=\"Test.Groups.SqlComputers\"]$</MonitoringClass>",
                "<MonitoringClass>$MPElement[Name=\"Test.Groups.NoSuchClass\"]$</MonitoringClass>",
                StringComparison.Ordinal);
        var (classes, _) = GroupTestModel.Load(xml, "Broken.xml");

        var read = GroupDefinitionReader.Read(classes);

        read.Problems.Select(p => p.DiscoveryId).Should().BeEquivalentTo(
            "Test.Groups.ProductionApps.Discovery",
            "Test.Groups.Listed.Discovery",
            "Test.Groups.SqlComputers.Discovery",
            "Test.Groups.AppsOnSqlComputers.Discovery");
        read.Problems.Should().OnlyContain(p => p.Location.Path == "Broken.xml" && p.Location.Line > 0);
        read.Problems.Should().Contain(p => p.Message.Contains("'^Prod(uction$' is not valid for MatchesRegularExpression", StringComparison.Ordinal));
        read.Problems.Should().Contain(p => p.Message.Contains("XPathQuery belongs to the filter dialect", StringComparison.Ordinal));
        read.Problems.Should().Contain(p => p.Message.Contains("Microsoft.Windows.Computer, which is not a singleton class", StringComparison.Ordinal));
        read.Problems.Should().Contain(p => p.Message.Contains("Test.Groups.NoSuchClass", StringComparison.Ordinal) && p.Message.Contains("does not resolve", StringComparison.Ordinal));
        read.Groups.Select(g => g.GroupClass.Name).Should().BeEquivalentTo(GroupTestModel.ProdDomainDatabases, GroupTestModel.StagingApps);
    }

    [Fact]
    public void Read_ExpressionOutsideTheDialect_IsReportedNotThrown()
    {
        var xml = System.Text.RegularExpressions.Regex.Replace(
            GroupTestModel.PackXml,
            @"<UnaryExpression>.*?</UnaryExpression>",
            "<Exists><ValueExpression><XPathQuery>Version</XPathQuery></ValueExpression></Exists>",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        xml.Should().Contain("<Exists>");
        var (classes, _) = GroupTestModel.Load(xml, "Exists.xml");

        var problem = GroupDefinitionReader.Read(classes).Problems.Should().ContainSingle().Subject;

        problem.DiscoveryId.Should().Be("Test.Groups.ProductionApps.Discovery");
        problem.Message.Should().StartWith("Exists is not part of the group membership expression dialect");
    }
}
