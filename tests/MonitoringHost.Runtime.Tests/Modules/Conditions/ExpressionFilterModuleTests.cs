using Microsoft.Extensions.Time.Testing;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Modules.Conditions;
using static MonitoringHost.Runtime.Tests.Modules.Conditions.StateExpressions;

namespace MonitoringHost.Runtime.Tests.Modules.Conditions;

public sealed class ExpressionFilterModuleTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 5, 6, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void DefaultCatalog_FindsTheFactory_ByTypeId()
    {
        ModuleCatalog.Default.Find("System.ExpressionFilter").Should().BeOfType<ExpressionFilterFactory>();
    }

    [Fact]
    public async Task RunAsync_MatchingItem_IsPassedOnUnchanged()
    {
        var module = Create($"<ConditionDetection>{IsDown}</ConditionDetection>");
        var output = new RecordingOutput();
        var down = Bag("Down");

        await module.RunAsync(down, output, CancellationToken.None);
        await module.RunAsync(Bag("Up"), output, CancellationToken.None);

        output.Items.Should().ContainSingle().Which.Should().BeSameAs(down);
    }

    [Fact]
    public void Create_MalformedExpression_ThrowsNamingWorkflowModuleAndElement()
    {
        var create = () => Create("<ConditionDetection><Expression><And/></Expression></ConditionDetection>");

        var thrown = create.Should().Throw<ModuleConfigurationException>().Which;
        thrown.WorkflowId.Should().Be("Test!Rule");
        thrown.ModuleId.Should().Be("Filter");
        thrown.Field.Should().Be("Expression/And");
        thrown.Problem.Should().Be("must hold at least one Expression");
    }

    [Fact]
    public void Create_WithoutExpression_SaysItIsMissing()
    {
        var create = () => Create("<ConditionDetection />");

        create.Should().Throw<ModuleConfigurationException>().Which.Message.Should().Be("Test!Rule, module Filter: Expression is missing");
    }

    [Theory]
    [InlineData("<MatchCount>x</MatchCount>", "SuppressionSettings/MatchCount", "'x' is not a whole number*")]
    [InlineData("<SampleCount>3</SampleCount>", "SuppressionSettings/MatchCount", "is missing")]
    [InlineData("<MatchCount>3</MatchCount><SampleCount>2</SampleCount>", "SuppressionSettings/SampleCount", "is 2, fewer than MatchCount 3*")]
    [InlineData("<MatchCount>3</MatchCount><WithinSeconds>0</WithinSeconds>", "SuppressionSettings/WithinSeconds", "is 0*")]
    public void Create_BadSuppressionSettings_NameTheField(string settings, string field, string problem)
    {
        var create = () => Create($"<ConditionDetection>{IsDown}<SuppressionSettings>{settings}</SuppressionSettings></ConditionDetection>");

        var thrown = create.Should().Throw<ModuleConfigurationException>().Which;
        thrown.Field.Should().Be(field);
        thrown.Problem.Should().Match(problem);
    }

    [Fact]
    public void Evaluate_MatchCountAlone_NeedsConsecutiveMatches_ThenRearms()
    {
        var module = Suppressed("<MatchCount>3</MatchCount>");

        Run(module, "Down", "Down", "Up", "Down", "Down", "Down").Should().Equal(false, false, false, false, false, true);
        Run(module, "Down", "Down", "Down", "Down").Should().Equal(false, false, true, false);
    }

    [Fact]
    public void Evaluate_MatchCountOne_PassesEveryMatch()
    {
        var module = Suppressed("<MatchCount>1</MatchCount>");

        Run(module, "Down", "Up", "Down").Should().Equal(true, false, true);
    }

    [Fact]
    public void Evaluate_NOfM_CountsMatchesAmongTheLastSamples()
    {
        var module = Suppressed("<MatchCount>2</MatchCount><SampleCount>4</SampleCount>");

        Run(module, "Down", "Up", "Up", "Down").Should().Equal(false, false, false, true);
        Run(module, "Down", "Up", "Up", "Up", "Down").Should().OnlyContain(passed => !passed, "the first match fell out of the last four before the second");
        Run(module, "Up", "Down").Should().Equal(false, true);
    }

    [Fact]
    public void Evaluate_WithinSeconds_CountsMatchesInTheTimeWindow()
    {
        var module = Suppressed("<MatchCount>2</MatchCount><WithinSeconds>60</WithinSeconds>");

        module.Evaluate(Bag("Down")).Should().BeNull();
        _time.Advance(TimeSpan.FromSeconds(61));
        module.Evaluate(Bag("Up")).Should().BeNull();
        module.Evaluate(Bag("Down")).Should().BeNull("the first match is 61 s old");
        _time.Advance(TimeSpan.FromSeconds(60));
        module.Evaluate(Bag("Down")).Should().NotBeNull("two matches 60 s apart are within the window");
    }

    [Fact]
    public void Evaluate_SampleCountAndWithinSeconds_BothBoundTheWindow()
    {
        var module = Suppressed("<MatchCount>2</MatchCount><SampleCount>3</SampleCount><WithinSeconds>30</WithinSeconds>");

        module.Evaluate(Bag("Down")).Should().BeNull();
        _time.Advance(TimeSpan.FromSeconds(31));
        module.Evaluate(Bag("Down")).Should().BeNull("the first match is among the last three samples but too old");
        _time.Advance(TimeSpan.FromSeconds(1));
        module.Evaluate(Bag("Up")).Should().BeNull();
        module.Evaluate(Bag("Up")).Should().BeNull();
        module.Evaluate(Bag("Down")).Should().BeNull("the previous match is recent but not among the last three samples");
        module.Evaluate(Bag("Down")).Should().NotBeNull();
    }

    [Fact]
    public void Evaluate_Suppression_IsKeptPerModuleInstance()
    {
        var factory = new ExpressionFilterFactory();
        var configuration = $"<ConditionDetection>{IsDown}<SuppressionSettings><MatchCount>2</MatchCount></SuppressionSettings></ConditionDetection>";
        var first = (ConditionModule)factory.Create(TestRuntime.Setup(configuration, _time));
        var second = (ConditionModule)factory.Create(TestRuntime.Setup(configuration, _time));

        first.Evaluate(Bag("Down")).Should().BeNull();
        second.Evaluate(Bag("Down")).Should().BeNull("the other instance's match does not count here");
        first.Evaluate(Bag("Down")).Should().NotBeNull();
    }

    private static PropertyBagData Bag(string state) => new(DateTimeOffset.UnixEpoch, [KeyValuePair.Create("State", state)]);

    private static List<bool> Run(ConditionModule module, params string[] states) =>
        states.Select(s => module.Evaluate(Bag(s)) is not null).ToList();

    private ConditionModule Suppressed(string settings) =>
        Create($"<ConditionDetection>{IsDown}<SuppressionSettings>{settings}</SuppressionSettings></ConditionDetection>");

    private ConditionModule Create(string configuration) =>
        (ConditionModule)new ExpressionFilterFactory().Create(TestRuntime.Setup(configuration, _time));
}
