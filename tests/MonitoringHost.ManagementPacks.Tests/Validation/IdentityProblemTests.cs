using MonitoringHost.ManagementPacks.Problems;
using MonitoringHost.ManagementPacks.Reading;

namespace MonitoringHost.ManagementPacks.Tests.Validation;

/// <summary>
/// Identity and reference problems (MP01xx up to MP0123): one pack broken in one way, or a few small packs that
/// disagree, report exactly that code, where it is.
/// <code>
/// MP0101 DuplicateElementId         SameIdTwice_IsDuplicateElementId_AtTheSecond
/// MP0102 IllFormedId                IdWithHyphen_IsIllFormedId_AtTheElement
/// MP0103 DuplicatePack              SamePackLoadedTwice_IsDuplicatePack_AtTheSecondManifest
/// MP0110 MissingReferencedPack      ReferenceToAPackNotLoaded_IsMissingReferencedPack_AtTheReference
///                                   UsedReferenceToAPackNotLoaded_IsReportedOnce_OnTheReference
/// MP0111 ReferencedVersionTooHigh   ReferenceNewerThanTheLoadedPack_IsReferencedVersionTooHigh_AtTheReference
/// MP0112 PublicKeyTokenMismatch     ReferenceWithAnotherKey_IsPublicKeyTokenMismatch_AtTheReference
/// MP0113 ReferencedPackNotSealed    ReferenceToAnUnsealedPack_IsReferencedPackNotSealedWarning_AtTheReference
/// MP0114 PackReferenceCycle         PacksReferencingEachOther_IsPackReferenceCycle_AtTheFirstManifest
/// MP0115 DuplicateAlias             AliasDeclaredTwice_IsDuplicateAlias_AtTheSecondReference
/// MP0120 UnknownAlias               ModuleTypeWithUndeclaredAlias_IsUnknownAlias_AtTheModule
/// MP0121 UnresolvedElement          ModuleTypeNotInTheReferencedPack_IsUnresolvedElement_AtTheModule
/// MP0122 WrongElementKind           RuleTargetingAMonitorType_IsWrongElementKind_AtTheRule
/// MP0123 InternalElement            BaseClassInternalToAnotherPack_IsInternalElement_AtTheClass
/// </code>
/// </summary>
public sealed class IdentityProblemTests
{
    private const string OtherKeyToken = "0123456789abcdef";

    [Fact]
    [Covers(ProblemCodes.DuplicateElementId)]
    public void SameIdTwice_IsDuplicateElementId_AtTheSecond()
    {
        var xml = TestPacks.With((
            """<StringResource ID="Test.Pack.Application.Health.AlertMessage" />""",
            """<StringResource ID="Test.Pack.Application.Health.AlertMessage" /><StringResource ID="Test.Pack.Application.Discovery" />"""));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.DuplicateElementId);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, """<StringResource ID="Test.Pack.Application.Discovery" />"""), TestPacks.DiscoveryId));
        problem.Message.Should().Contain($"discovery at line {Where.Element(xml, "<Discovery ID=").Line}");
    }

    [Fact]
    [Covers(ProblemCodes.IllFormedId)]
    public void IdWithHyphen_IsIllFormedId_AtTheElement()
    {
        var xml = TestPacks.With(("</StringResources>", """<StringResource ID="Test.Pack.Retired-Message" /></StringResources>"""));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.IllFormedId);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, """<StringResource ID="Test.Pack.Retired-Message" />"""), "Test.Pack.Retired-Message"));
    }

    [Fact]
    [Covers(ProblemCodes.DuplicatePack)]
    public void SamePackLoadedTwice_IsDuplicatePack_AtTheSecondManifest()
    {
        var outcome = PackCheck.Check(new TestFile(PackCheck.FileName, TestPacks.Base), new TestFile("Copy.xml", TestPacks.Base));

        var problem = outcome.SingleError(ProblemCodes.DuplicatePack);
        problem.Location.Should().Be(Where.Element(TestPacks.Base, "<Manifest>", path: "Copy.xml"));
        (problem.PackId, problem.Message).Should().Be((TestPacks.Id, $"the pack {TestPacks.Id} is loaded twice (also from {PackCheck.FileName}); load one version"));
    }

    [Fact]
    [Covers(ProblemCodes.MissingReferencedPack)]
    public void ReferenceToAPackNotLoaded_IsMissingReferencedPack_AtTheReference()
    {
        var xml = TestPacks.With(("</References>", """
                  <Reference Alias="Contoso">
                    <ID>Contoso.Library</ID>
                    <Version>1.0.0.0</Version>
                  </Reference>
                </References>
            """.Trim()));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.MissingReferencedPack);
        problem.Location.Should().Be(Where.Element(xml, """<Reference Alias="Contoso">"""));
        problem.Message.Should().Contain("Contoso.Library 1.0.0.0");
    }

    /// <summary>A missing pack whose elements are used is reported once, on the reference, and not again at every use.</summary>
    [Fact]
    [Covers(ProblemCodes.MissingReferencedPack)]
    public void UsedReferenceToAPackNotLoaded_IsReportedOnce_OnTheReference()
    {
        var xml = TestPacks.With(("<ID>Microsoft.Windows.Library</ID>", "<ID>Contoso.Windows.Library</ID>"));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.MissingReferencedPack);
        problem.Location.Should().Be(Where.Element(xml, """<Reference Alias="Windows">"""));
    }

    [Fact]
    [Covers(ProblemCodes.ReferencedVersionTooHigh)]
    public void ReferenceNewerThanTheLoadedPack_IsReferencedVersionTooHigh_AtTheReference()
    {
        var xml = TestPacks.With(("""
                    <ID>System.Library</ID>
                    <Version>7.5.8501.0</Version>
            """.Trim(), """
                    <ID>System.Library</ID>
                    <Version>99.0.0.0</Version>
            """.Trim()));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.ReferencedVersionTooHigh);
        problem.Location.Should().Be(Where.Element(xml, """<Reference Alias="System">"""));
        problem.Message.Should().Contain("version 99.0.0.0 or later").And.Contain($"version {PackCheck.Libraries.Packs.Single(p => p.Id == "System.Library").Version} is loaded");
    }

    [Fact]
    [Covers(ProblemCodes.PublicKeyTokenMismatch)]
    public void ReferenceWithAnotherKey_IsPublicKeyTokenMismatch_AtTheReference()
    {
        var xml = TestPacks.With(("""
                    <ID>System.Health.Library</ID>
                    <Version>7.5.8501.0</Version>
                    <PublicKeyToken>31bf3856ad364e35</PublicKeyToken>
            """.Trim(), $"""
                    <ID>System.Health.Library</ID>
                    <Version>7.5.8501.0</Version>
                    <PublicKeyToken>{OtherKeyToken}</PublicKeyToken>
            """.Trim()));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.PublicKeyTokenMismatch);
        problem.Location.Should().Be(Where.Element(xml, """<Reference Alias="Health">"""));
        problem.Message.Should().Contain(OtherKeyToken).And.Contain(TestPacks.MicrosoftKeyToken);
    }

    [Fact]
    [Covers(ProblemCodes.ReferencedPackNotSealed)]
    public void ReferenceToAnUnsealedPack_IsReferencedPackNotSealedWarning_AtTheReference()
    {
        var other = TestPacks.Small("Test.Other");
        var xml = TestPacks.With(("</References>", """
                  <Reference Alias="Other">
                    <ID>Test.Other</ID>
                    <Version>1.0.0.0</Version>
                  </Reference>
                </References>
            """.Trim()));

        var outcome = PackCheck.Check(new TestFile(PackCheck.FileName, xml), new TestFile("Other.xml", other));

        var warning = outcome.SingleWarning(ProblemCodes.ReferencedPackNotSealed);
        (warning.Location, warning.PackId).Should().Be((Where.Element(xml, """<Reference Alias="Other">"""), TestPacks.Id));
    }

    [Fact]
    [Covers(ProblemCodes.PackReferenceCycle)]
    public void PacksReferencingEachOther_IsPackReferenceCycle_AtTheFirstManifest()
    {
        var sealedWithOtherKey = new ManagementPackReadOptions { Sealed = true, PublicKeyToken = OtherKeyToken };
        var first = TestPacks.Small("Test.CycleA", references: ("B", "Test.CycleB", "1.0.0.0", OtherKeyToken));
        var second = TestPacks.Small("Test.CycleB", references: ("A", "Test.CycleA", "1.0.0.0", OtherKeyToken));

        var outcome = PackCheck.Check(new TestFile("A.xml", first, sealedWithOtherKey), new TestFile("B.xml", second, sealedWithOtherKey));

        var problem = outcome.SingleError(ProblemCodes.PackReferenceCycle);
        (problem.Location, problem.PackId).Should().Be((Where.Element(first, "<Manifest>", path: "A.xml"), "Test.CycleA"));
        problem.Message.Should().EndWith("Test.CycleA -> Test.CycleB -> Test.CycleA");
        outcome.Warnings.Should().BeEmpty();
    }

    [Fact]
    [Covers(ProblemCodes.DuplicateAlias)]
    public void AliasDeclaredTwice_IsDuplicateAlias_AtTheSecondReference()
    {
        var xml = TestPacks.With(("</References>", """
                  <Reference Alias="System">
                    <ID>System.Performance.Library</ID>
                    <Version>7.5.8501.0</Version>
                    <PublicKeyToken>31bf3856ad364e35</PublicKeyToken>
                  </Reference>
                </References>
            """.Trim()));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.DuplicateAlias);
        problem.Location.Should().Be(Where.Element(xml, """<Reference Alias="System">""", after: "<ID>Microsoft.Windows.Library</ID>"));
        problem.Message.Should().Contain("'System' is declared 2 times");
    }

    [Fact]
    [Covers(ProblemCodes.UnknownAlias)]
    public void ModuleTypeWithUndeclaredAlias_IsUnknownAlias_AtTheModule()
    {
        var xml = TestPacks.With(("""<DataSource ID="Heartbeat" TypeID="System!System.SimpleScheduler">""", """<DataSource ID="Heartbeat" TypeID="Sys!System.SimpleScheduler">"""));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.UnknownAlias);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, """<DataSource ID="Heartbeat" """), TestPacks.RuleId));
        problem.Message.Should().Contain("'Sys'");
    }

    [Fact]
    [Covers(ProblemCodes.UnresolvedElement)]
    public void ModuleTypeNotInTheReferencedPack_IsUnresolvedElement_AtTheModule()
    {
        var xml = TestPacks.With(("""TypeID="Health!System.Health.GenerateAlert">""", """TypeID="Health!System.Health.GenerateAlerts">"""));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.UnresolvedElement);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, """<WriteAction ID="Alert" """), TestPacks.RuleId));
        problem.Message.Should().Contain("no element 'System.Health.GenerateAlerts'");
    }

    [Fact]
    [Covers(ProblemCodes.WrongElementKind)]
    public void RuleTargetingAMonitorType_IsWrongElementKind_AtTheRule()
    {
        var xml = TestPacks.With(("""Target="Test.Pack.Application" ConfirmDelivery="false" Remotable="true" Priority="Normal" DiscardLevel""", """Target="Test.Pack.TwoStateMonitorType" ConfirmDelivery="false" Remotable="true" Priority="Normal" DiscardLevel"""));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.WrongElementKind);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, "<Rule ID="), TestPacks.RuleId));
        problem.Message.Should().Contain("is a unit monitor type, but a class is needed");
    }

    [Fact]
    [Covers(ProblemCodes.InternalElement)]
    public void BaseClassInternalToAnotherPack_IsInternalElement_AtTheClass()
    {
        var shared = TestPacks.Small(
            "Test.Shared",
            """
                <EntityTypes>
                  <ClassTypes>
                    <ClassType ID="Test.Shared.Component" Accessibility="Internal" Abstract="true" Base="System!System.LogicalEntity" Hosted="false" Singleton="false" Extension="false" />
                  </ClassTypes>
                </EntityTypes>
            """,
            ("System", "System.Library", "7.5.8501.0", TestPacks.MicrosoftKeyToken));
        var xml = TestPacks.With(
            ("</References>", $"""
                  <Reference Alias="Shared">
                    <ID>Test.Shared</ID>
                    <Version>1.0.0.0</Version>
                    <PublicKeyToken>{OtherKeyToken}</PublicKeyToken>
                  </Reference>
                </References>
            """.Trim()),
            ("</ClassTypes>", """<ClassType ID="Test.Pack.Component" Accessibility="Public" Abstract="true" Base="Shared!Test.Shared.Component" Hosted="false" Singleton="false" Extension="false" /></ClassTypes>"""));

        var outcome = PackCheck.Check(
            new TestFile(PackCheck.FileName, xml),
            new TestFile("Shared.xml", shared, new ManagementPackReadOptions { Sealed = true, PublicKeyToken = OtherKeyToken }));

        var problem = outcome.SingleError(ProblemCodes.InternalElement);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, """<ClassType ID="Test.Pack.Component" """), "Test.Pack.Component"));
        problem.Message.Should().Contain("Internal to Test.Shared");
    }
}
