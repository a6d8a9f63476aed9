using MonitoringHost.ManagementPacks.Problems;

namespace MonitoringHost.ManagementPacks.Tests.Validation;

/// <summary>
/// Module problems (MP015x): the base pack's composite data source, unit monitor type or rule broken in one way reports
/// exactly that code, where it is.
/// <code>
/// MP0150 UnknownCompositionNode       NodeNamingNoMember_IsUnknownCompositionNode_AtTheNode
/// MP0151 CompositionCycle             NodeFeedingItself_IsCompositionCycle_AtTheRepeatedNode
/// MP0152 DataTypeMismatch             TriggerIntoAnEventWriter_IsDataTypeMismatch_AtTheProducer
/// MP0153 ModuleRoleMismatch           DataSourceTypeUsedAsWriteAction_IsModuleRoleMismatch_AtTheModule
/// MP0154 UnknownConfigReference       ConfigReferenceToUndeclaredElement_IsUnknownConfigReference_AtTheElement
/// MP0155 ConfigurationInvalid         ConfigurationValueOfWrongType_IsConfigurationInvalid_AtTheValue
/// MP0156 ConfigurationSchemaInvalid   ConfigurationDeclaringUnknownXsdType_IsConfigurationSchemaInvalid_AtTheConfiguration
/// MP0157 SelectorNotInConfiguration   OverrideableParameterSelectingNothing_IsSelectorNotInConfiguration_AtTheParameter
/// MP0158 UnusedMemberModule           MemberInNoComposition_IsUnusedMemberModuleWarning_AtTheMember
/// MP0159 UnknownDetectionState        DetectionOfUndeclaredState_IsUnknownDetectionState_AtTheDetection
/// MP0160 DuplicateMemberModule        MemberIdUsedTwice_IsDuplicateMemberModule_AtTheSecond
/// </code>
/// </summary>
public sealed class ModuleProblemTests
{
    [Fact]
    [Covers(ProblemCodes.UnknownCompositionNode)]
    public void NodeNamingNoMember_IsUnknownCompositionNode_AtTheNode()
    {
        var xml = TestPacks.With(("""<Node ID="Scheduler" />""", """<Node ID="Schedular" />"""));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.UnknownCompositionNode);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, """<Node ID="Schedular" />"""), TestPacks.ProviderId));
        outcome.Warnings.Select(w => (w.Code, w.Location)).Should().Equal(
            [(ProblemCodes.UnusedMemberModule, Where.Element(xml, """<DataSource ID="Scheduler" """))],
            "the member the node meant is then unused");
    }

    [Fact]
    [Covers(ProblemCodes.CompositionCycle)]
    public void NodeFeedingItself_IsCompositionCycle_AtTheRepeatedNode()
    {
        var xml = TestPacks.With(("""<Node ID="Scheduler" />""", """<Node ID="Scheduler"><Node ID="Mapper" /></Node>"""));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.CompositionCycle);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, """<Node ID="Mapper" />"""), TestPacks.ProviderId));
        problem.Message.Should().EndWith("Mapper <- Scheduler <- Mapper");
    }

    [Fact]
    [Covers(ProblemCodes.DataTypeMismatch)]
    public void TriggerIntoAnEventWriter_IsDataTypeMismatch_AtTheProducer()
    {
        var xml = TestPacks.With(
            ("</ModuleTypes>", """
                <WriteActionModuleType ID="Test.Pack.EventWriter" Accessibility="Public">
                  <ModuleImplementation Isolation="Any">
                    <Native>
                      <ClassID>{6E1A7B55-3C1B-4B0F-9F3A-4B5C2D7E8F90}</ClassID>
                    </Native>
                  </ModuleImplementation>
                  <InputType>System!System.Event.Data</InputType>
                </WriteActionModuleType>
              </ModuleTypes>
              """),
            ("""TypeID="Health!System.Health.GenerateAlert">""", """TypeID="Test.Pack.EventWriter" />"""),
            ("</WriteAction>", ""),
            ("<Priority>1</Priority>", ""),
            ("<Severity>1</Severity>", ""),
            ("""<AlertMessageId>$MPElement[Name="Test.Pack.Application.HeartbeatRule.AlertMessage"]$</AlertMessageId>""", ""));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.DataTypeMismatch);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, """<DataSource ID="Heartbeat" """), TestPacks.RuleId));
        problem.Message.Should().Be("'Heartbeat' outputs System.TriggerData, which 'Alert' (Test.Pack.EventWriter) cannot take: it takes System.Event.Data");
    }

    [Fact]
    [Covers(ProblemCodes.ModuleRoleMismatch)]
    public void DataSourceTypeUsedAsWriteAction_IsModuleRoleMismatch_AtTheModule()
    {
        var xml = TestPacks.With(("""TypeID="Health!System.Health.GenerateAlert">""", """TypeID="System!System.SimpleScheduler">"""));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.ModuleRoleMismatch);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, """<WriteAction ID="Alert" """), TestPacks.RuleId));
        problem.Message.Should().Contain("declared as a WriteAction").And.Contain("data source module type");
    }

    [Fact]
    [Covers(ProblemCodes.UnknownConfigReference)]
    public void ConfigReferenceToUndeclaredElement_IsUnknownConfigReference_AtTheElement()
    {
        var xml = TestPacks.With(("<IntervalSeconds>$Config/Frequency$</IntervalSeconds>", "<IntervalSeconds>$Config/Frequncy$</IntervalSeconds>"));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.UnknownConfigReference);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, "<IntervalSeconds>$Config/Frequncy$"), TestPacks.ProviderId));
        problem.Message.Should().Contain("'$Config/Frequncy$' in module 'Scheduler'");
    }

    [Fact]
    [Covers(ProblemCodes.ConfigurationInvalid)]
    public void ConfigurationValueOfWrongType_IsConfigurationInvalid_AtTheValue()
    {
        var xml = TestPacks.With(("<IntervalSeconds>300</IntervalSeconds>", "<IntervalSeconds>often</IntervalSeconds>"));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.ConfigurationInvalid);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, "<IntervalSeconds>often"), TestPacks.RuleId));
        problem.Message.Should().Contain("module 'Heartbeat'").And.Contain("System.SimpleScheduler");
    }

    [Fact]
    [Covers(ProblemCodes.ConfigurationSchemaInvalid)]
    public void ConfigurationDeclaringUnknownXsdType_IsConfigurationSchemaInvalid_AtTheConfiguration()
    {
        var xml = TestPacks.With(("""<xsd:element name="Frequency" type="xsd:unsignedInt" />""", """<xsd:element name="Frequency" type="xsd:unsignedInteger" />"""));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.ConfigurationSchemaInvalid);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, "<Configuration>", after: "<DataSourceModuleType ID="), TestPacks.ProviderId));
        problem.Message.Should().Contain("unsignedInteger");
    }

    [Fact]
    [Covers(ProblemCodes.SelectorNotInConfiguration)]
    public void OverrideableParameterSelectingNothing_IsSelectorNotInConfiguration_AtTheParameter()
    {
        var xml = TestPacks.With(("""Selector="$Config/Frequency$" """, """Selector="$Config/Interval$" """));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.SelectorNotInConfiguration);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, """<OverrideableParameter ID="Frequency" """), TestPacks.ProviderId));
        problem.Message.Should().Contain("'$Config/Interval$'");
    }

    [Fact]
    [Covers(ProblemCodes.UnusedMemberModule)]
    public void MemberInNoComposition_IsUnusedMemberModuleWarning_AtTheMember()
    {
        var xml = TestPacks.With(("""<ConditionDetection ID="Mapper" """, """<ProbeAction ID="Unused" TypeID="System!System.PassThroughProbe" /><ConditionDetection ID="Mapper" """));

        var outcome = PackCheck.Check(xml);

        var warning = outcome.SingleWarning(ProblemCodes.UnusedMemberModule);
        (warning.Location, warning.ElementId).Should().Be((Where.Element(xml, """<ProbeAction ID="Unused" """), TestPacks.ProviderId));
    }

    [Fact]
    [Covers(ProblemCodes.UnknownDetectionState)]
    public void DetectionOfUndeclaredState_IsUnknownDetectionState_AtTheDetection()
    {
        var xml = TestPacks.With(("""<RegularDetection MonitorTypeStateID="Unhealthy">""", """<RegularDetection MonitorTypeStateID="Unhealty">"""));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.UnknownDetectionState);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, """<RegularDetection MonitorTypeStateID="Unhealty">"""), TestPacks.MonitorTypeId));
        problem.Message.Should().Contain("'Unhealty'");
    }

    [Fact]
    [Covers(ProblemCodes.DuplicateMemberModule)]
    public void MemberIdUsedTwice_IsDuplicateMemberModule_AtTheSecond()
    {
        const string second = """<DataSource ID="Scheduler" TypeID="System!System.SimpleScheduler"><IntervalSeconds>60</IntervalSeconds></DataSource>""";
        var xml = TestPacks.With(("""<ConditionDetection ID="Mapper" """, second + """<ConditionDetection ID="Mapper" """));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.DuplicateMemberModule);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, second), TestPacks.ProviderId));
        problem.Message.Should().Contain("'Scheduler'");
    }
}
