using Microsoft.Extensions.Time.Testing;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Modules.Conditions;
using static MonitoringHost.Runtime.Tests.Modules.Conditions.StateExpressions;

namespace MonitoringHost.Runtime.Tests.Modules.Conditions;

public sealed class LogicalSetExpressionFilterModuleTests
{
    // Down and on a web server, or any state but Up on a host that has no Role at all.
    private static readonly string Nested = $"""
        <Expression><Or>
          <Expression><And>
            {IsDown}
            <Expression><RegExExpression>
              <ValueExpression><XPathQuery Type="String">Property[@Name='Role']</XPathQuery></ValueExpression>
              <Operator>MatchesRegularExpression</Operator>
              <Pattern>^web\d+$</Pattern>
            </RegExExpression></Expression>
          </And></Expression>
          <Expression><And>
            <Expression><Not><Expression><Exists>
              <ValueExpression><XPathQuery Type="String">Property[@Name='Role']</XPathQuery></ValueExpression>
            </Exists></Expression></Not></Expression>
            {StateIs("NotEqual", "Up")}
          </And></Expression>
        </Or></Expression>
        """;

    private static readonly DateTimeOffset Now = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);

    [Fact]
    public void DefaultCatalog_FindsTheFactory_ByTypeId()
    {
        ModuleCatalog.Default.Find("System.LogicalSet.ExpressionFilter").Should().BeOfType<LogicalSetExpressionFilterFactory>();
        new LogicalSetExpressionFilterFactory().Shareable(new ModuleConfiguration(new("ConditionDetection"), "Test!Rule", "Filter")).Should().BeTrue();
    }

    [Theory]
    [InlineData("All", new[] { "Down", "Down", "Down" }, true)]
    [InlineData("All", new[] { "Down", "Up", "Down" }, false)]
    [InlineData("All", new[] { "Up" }, false)]
    [InlineData("Any", new[] { "Up", "Up", "Down" }, true)]
    [InlineData("Any", new[] { "Down" }, true)]
    [InlineData("Any", new[] { "Up", "Up" }, false)]
    public void Evaluate_SetEvaluation_AllNeedsEveryItem_AnyNeedsOne(string evaluation, string[] states, bool passes)
    {
        var module = Create(IsDown, "Block", evaluation);
        var set = Set(states.Select(s => Bag(s)));

        var result = module.Evaluate(set);

        if (passes)
        {
            result.Should().BeSameAs(set, "a passing set goes on whole and unchanged, the items that did not match included");
        }
        else
        {
            result.Should().BeNull();
        }
    }

    [Theory]
    [InlineData("Passthrough", "All", true)]
    [InlineData("Passthrough", "Any", true)]
    [InlineData("Block", "All", false)]
    [InlineData("Block", "Any", false)]
    public void Evaluate_EmptySet_PassesWithPassthrough_AndEndsWithBlock_WhateverTheSetEvaluation(string emptySet, string evaluation, bool passes)
    {
        var module = Create(IsDown, emptySet, evaluation);
        var empty = Set([]);

        var result = module.Evaluate(empty);

        if (passes)
        {
            result.Should().BeSameAs(empty);
            result!.Count.Should().Be(0);
            result.Time.Should().Be(Now, "the empty set keeps the time its source made it");
        }
        else
        {
            result.Should().BeNull();
        }
    }

    [Fact]
    public void Evaluate_EmptySetPassthrough_DoesNotPassANonEmptySetThatFails()
    {
        var module = Create(IsDown, "Passthrough", "Any");

        module.Evaluate(Set([Bag("Up")])).Should().BeNull("Passthrough is about a set with no item, not about a set with no match");
    }

    [Fact]
    public void Evaluate_NestedExpression_IsJudgedPerItem_ThenOverTheSet()
    {
        var all = Create(Nested, "Block", "All");
        var any = Create(Nested, "Block", "Any");
        var downWeb = Bag("Down", "web01");
        var downDb = Bag("Down", "db01");
        var unknownNoRole = Bag("Unknown");
        var upNoRole = Bag("Up");

        all.Evaluate(Set([downWeb, unknownNoRole])).Should().NotBeNull("both items match one side of the Or");
        all.Evaluate(Set([downWeb, downDb])).Should().BeNull("db01 does not match ^web\\d+$ and has a Role");
        all.Evaluate(Set([downWeb, upNoRole])).Should().BeNull("Up without a Role matches neither side");
        any.Evaluate(Set([downDb, upNoRole])).Should().BeNull();
        any.Evaluate(Set([downDb, upNoRole, unknownNoRole])).Should().NotBeNull();
    }

    [Fact]
    public async Task RunAsync_AnItemOnItsOwn_IsASetOfOne_AndPassesOnAsASet()
    {
        var module = Create(IsDown, "Block", "All");
        var output = new RecordingOutput();
        var down = Bag("Down");

        await module.RunAsync(down, output, CancellationToken.None);
        await module.RunAsync(Bag("Up"), output, CancellationToken.None);

        output.Items.Should().BeEmpty();
        output.Sets.Should().ContainSingle().Which.Items.Should().Equal(down);
        output.Sets[0].Time.Should().Be(down.Time);
    }

    [Theory]
    [InlineData("<EmptySet>Block</EmptySet>", "SetEvaluation", "is missing or empty")]
    [InlineData("<SetEvaluation>All</SetEvaluation>", "EmptySet", "is missing or empty")]
    [InlineData("<EmptySet>Pass</EmptySet><SetEvaluation>All</SetEvaluation>", "EmptySet", "'Pass' is not Passthrough or Block")]
    [InlineData("<EmptySet>Block</EmptySet><SetEvaluation>Every</SetEvaluation>", "SetEvaluation", "'Every' is not Any or All")]
    public void Create_BadSetSettings_NameTheField(string settings, string field, string problem)
    {
        var create = () => Create($"<ConditionDetection>{IsDown}{settings}</ConditionDetection>");

        create.Should().Throw<ModuleConfigurationException>().Which.Message.Should().Be($"Test!Rule, module Filter: {field} {problem}");
    }

    [Fact]
    public void Create_MalformedExpression_IsReportedAsTheExpressionFilterReportsIt()
    {
        var create = () => Create("<ConditionDetection><Expression><Or/></Expression><EmptySet>Block</EmptySet><SetEvaluation>Any</SetEvaluation></ConditionDetection>");

        create.Should().Throw<ModuleConfigurationException>().Which.Message.Should().Be("Test!Rule, module Filter: Expression/Or must hold at least one Expression");
    }

    [Fact]
    public void Create_ReadsTheSettings()
    {
        var module = Create(IsDown, "Passthrough", "Any");

        module.Configuration.EmptySet.Should().Be(EmptySetAction.Passthrough);
        module.Configuration.SetEvaluation.Should().Be(SetEvaluation.Any);
        module.Configuration.Expression.Evaluate(Bag("Down")).Should().BeTrue();
        module.Configuration.Expression.Evaluate(Bag("Up")).Should().BeFalse();
    }

    private static PropertyBagData Bag(string state, string? role = null) =>
        new(Now, role is null ? [KeyValuePair.Create("State", state)] : [KeyValuePair.Create("State", state), KeyValuePair.Create("Role", role)]);

    private static DataItemSet Set(IEnumerable<DataItem> items) => new(Now, items);

    private LogicalSetExpressionFilterModule Create(string expression, string emptySet, string evaluation) =>
        Create($"<ConditionDetection>{expression}<EmptySet>{emptySet}</EmptySet><SetEvaluation>{evaluation}</SetEvaluation></ConditionDetection>");

    private LogicalSetExpressionFilterModule Create(string configuration) =>
        (LogicalSetExpressionFilterModule)new LogicalSetExpressionFilterFactory().Create(TestRuntime.Setup(configuration, _time));
}
