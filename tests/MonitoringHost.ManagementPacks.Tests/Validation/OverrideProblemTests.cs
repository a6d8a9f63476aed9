using MonitoringHost.ManagementPacks.Problems;

namespace MonitoringHost.ManagementPacks.Tests.Validation;

/// <summary>
/// Override problems (MP019x): one of the base pack's overrides broken in one way reports exactly that code, at the override.
/// <code>
/// MP0191 OverrideModuleNotFound           ConfigurationOverrideOfUnknownModule_IsOverrideModuleNotFound
/// MP0192 OverrideParameterNotFound        ConfigurationOverrideOfUnknownParameter_IsOverrideParameterNotFound (rule, monitor, discovery)
/// MP0193 OverridePropertyInvalid          PropertyOverrideOfUnknownProperty_IsOverridePropertyInvalid
/// MP0194 OverrideValueInvalid             OverrideValueOfWrongType_IsOverrideValueInvalid (parameter and property)
/// MP0195 OverrideContextInstanceInvalid   ContextInstanceNotAGuid_IsOverrideContextInstanceInvalid
/// </code>
/// </summary>
public sealed class OverrideProblemTests
{
    private const string RuleOverride = "Test.Pack.Override.HeartbeatInterval";

    [Fact]
    [Covers(ProblemCodes.OverrideModuleNotFound)]
    public void ConfigurationOverrideOfUnknownModule_IsOverrideModuleNotFound()
    {
        var xml = TestPacks.With(("""Module="Heartbeat" """, """Module="Heartbeet" """));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.OverrideModuleNotFound);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, "<RuleConfigurationOverride "), RuleOverride));
        problem.Message.Should().Contain("'Heartbeet'").And.Contain("Heartbeat, Alert");
    }

    public static TheoryData<string, string, string> UnknownParameters => new()
    {
        { """Module="Heartbeat" Parameter="IntervalSeconds">""", "<RuleConfigurationOverride ", RuleOverride },
        { """Monitor="Test.Pack.Application.Health" Parameter="IntervalSeconds">""", "<MonitorConfigurationOverride ", "Test.Pack.Override.HealthInterval" },
        { """Module="DS" Parameter="Frequency">""", "<DiscoveryConfigurationOverride ", "Test.Pack.Override.DiscoveryFrequency" },
    };

    [Theory]
    [MemberData(nameof(UnknownParameters))]
    [Covers(ProblemCodes.OverrideParameterNotFound)]
    public void ConfigurationOverrideOfUnknownParameter_IsOverrideParameterNotFound(string parameter, string overrideStart, string overrideId)
    {
        var xml = TestPacks.With((parameter, parameter.Replace("Parameter=\"", "Parameter=\"Unknown", StringComparison.Ordinal)));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.OverrideParameterNotFound);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, overrideStart), overrideId));
        problem.Message.Should().StartWith("'Unknown");
    }

    [Fact]
    [Covers(ProblemCodes.OverridePropertyInvalid)]
    public void PropertyOverrideOfUnknownProperty_IsOverridePropertyInvalid()
    {
        var xml = TestPacks.With(("""Property="AlertPriority">""", """Property="Severity">"""));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.OverridePropertyInvalid);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, "<MonitorPropertyOverride "), "Test.Pack.Override.HealthAlertPriority"));
        problem.Message.Should().StartWith("'Severity' cannot be overridden on a unit monitor");
    }

    public static TheoryData<string, string, string, string> WrongValues => new()
    {
        { "<Value>600</Value>", "<Value>ten minutes</Value>", "<RuleConfigurationOverride ", RuleOverride },
        { "<Value>High</Value>", "<Value>Highest</Value>", "<MonitorPropertyOverride ", "Test.Pack.Override.HealthAlertPriority" },
    };

    [Theory]
    [MemberData(nameof(WrongValues))]
    [Covers(ProblemCodes.OverrideValueInvalid)]
    public void OverrideValueOfWrongType_IsOverrideValueInvalid(string value, string wrongValue, string overrideStart, string overrideId)
    {
        var xml = TestPacks.With((value, wrongValue));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.OverrideValueInvalid);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, overrideStart), overrideId));
        problem.Message.Should().Contain($"'{wrongValue[7..^8]}'");
    }

    [Fact]
    [Covers(ProblemCodes.OverrideContextInstanceInvalid)]
    public void ContextInstanceNotAGuid_IsOverrideContextInstanceInvalid()
    {
        var xml = TestPacks.With(("""Context="Test.Pack.Application" Enforced="false" Monitor="Test.Pack.Application.Health" Property""", """Context="Test.Pack.Application" ContextInstance="web01" Enforced="false" Monitor="Test.Pack.Application.Health" Property"""));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.OverrideContextInstanceInvalid);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, "<MonitorPropertyOverride "), "Test.Pack.Override.HealthAlertPriority"));
        problem.Message.Should().Contain("'web01'");
    }
}
