using MonitoringHost.ManagementPacks.Loading;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Problems;
using MonitoringHost.ManagementPacks.Reading;

namespace MonitoringHost.ManagementPacks.Tests.Validation;

/// <summary>
/// Reading problems (MP00xx): the base pack, or a file, broken in one way reports exactly that code, where it is.
/// <code>
/// MP0001 MalformedXml               MismatchedEndTag_IsMalformedXml_AtTheEndTag
/// MP0002 WrongRoot                  OtherRootElement_IsWrongRoot_AtTheRoot
/// MP0003 InvalidManifest            PackVersionNotAVersion_IsInvalidManifest_AtTheVersion
/// MP0004 FileTooLarge               PackOverTheSizeLimit_IsFileTooLarge_AndNothingIsRead
/// MP0005 DtdNotAllowed              Doctype_IsDtdNotAllowed_AndNothingIsRead
/// MP0006 OpaqueElements             CategoriesSection_IsOpaqueElementsWarning_AtTheFirstCategory
/// MP0007 UnsupportedSchemaVersion   UnknownSchemaVersion_IsUnsupportedSchemaVersionWarning_AtTheRoot
/// MP0008 MissingRequired            RuleWithoutTarget_IsMissingRequired_AtTheRule
/// MP0009 InvalidValue               RemotableNotABoolean_IsInvalidValue_AtTheRule
///                                   AlertPriorityNotKnown_IsInvalidValue_AtTheAlertPriority
/// MP0010 UnknownFragmentAlias       FragmentWithUnknownAlias_IsUnknownFragmentAlias_AtTheAttribute
/// MP0011 UnfilledTemplateToken      UnfilledToken_IsUnfilledTemplateToken_AtTheToken
/// MP0012 FileUnreadable             MissingFile_IsFileUnreadable
/// </code>
/// </summary>
public sealed class ReadingProblemTests
{
    [Fact]
    [Covers(ProblemCodes.MalformedXml)]
    public void MismatchedEndTag_IsMalformedXml_AtTheEndTag()
    {
        var xml = TestPacks.With(("<Category>Alert</Category>", "<Category>Alert</Categry>"));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.MalformedXml);
        problem.Location.Should().Be(Where.Element(xml, "</Categry>") with { Column = Where.Text(xml, "Categry>").Column });
        problem.Message.Should().Contain("Category").And.Contain("Categry");
        outcome.Result.Packs[TestPacks.Id].Should().BeNull();
    }

    [Fact]
    [Covers(ProblemCodes.WrongRoot)]
    public void OtherRootElement_IsWrongRoot_AtTheRoot()
    {
        var xml = TestPacks.With(("<ManagementPack ContentReadable", "<Pack ContentReadable"), ("</ManagementPack>", "</Pack>"));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.WrongRoot);
        problem.Location.Should().Be(Where.Element(xml, "<Pack ContentReadable"));
        problem.Message.Should().Contain("<Pack>");
        outcome.Result.Packs[TestPacks.Id].Should().BeNull();
    }

    [Fact]
    [Covers(ProblemCodes.InvalidManifest)]
    public void PackVersionNotAVersion_IsInvalidManifest_AtTheVersion()
    {
        var xml = TestPacks.With(("<Version>1.0.0.0</Version>", "<Version>one.zero</Version>"));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.InvalidManifest);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, "<Version>one.zero"), TestPacks.Id));
        problem.Message.Should().Contain("'one.zero'");
        outcome.Result.Packs[TestPacks.Id].Should().BeNull();
    }

    [Fact]
    [Covers(ProblemCodes.FileTooLarge)]
    public void PackOverTheSizeLimit_IsFileTooLarge_AndNothingIsRead()
    {
        var outcome = PackCheck.Check(TestPacks.Base, ManagementPackReadOptions.Default with { MaxBytes = 1024 });

        var problem = outcome.SingleError(ProblemCodes.FileTooLarge);
        problem.Location.Should().Be(new SourceLocation(PackCheck.FileName, 0, 0));
        problem.Message.Should().Contain("limit");
        outcome.Result.Packs[TestPacks.Id].Should().BeNull();
    }

    [Fact]
    [Covers(ProblemCodes.DtdNotAllowed)]
    public void Doctype_IsDtdNotAllowed_AndNothingIsRead()
    {
        const string declaration = """<?xml version="1.0" encoding="utf-8"?>""";
        var xml = TestPacks.With((declaration, declaration + "\n<!DOCTYPE ManagementPack [ <!ENTITY app \"Test Application\"> ]>"));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.DtdNotAllowed);
        problem.Location.Line.Should().Be(Where.Text(xml, "<!DOCTYPE").Line);
        outcome.Result.Packs[TestPacks.Id].Should().BeNull();
    }

    [Fact]
    [Covers(ProblemCodes.OpaqueElements)]
    public void CategoriesSection_IsOpaqueElementsWarning_AtTheFirstCategory()
    {
        var xml = TestPacks.With(("  <Monitoring>", """
              <Categories>
                <Category ID="Test.Pack.Category.Heartbeat" Target="Test.Pack.Application.HeartbeatRule" Value="System!System.Category.EventCollection" />
                <Category ID="Test.Pack.Category.Health" Target="Test.Pack.Application.Health" Value="System!System.Category.AvailabilityHealth" />
              </Categories>
              <Monitoring>
            """));

        var outcome = PackCheck.Check(xml);

        var warning = outcome.SingleWarning(ProblemCodes.OpaqueElements);
        warning.Location.Should().Be(Where.Element(xml, """<Category ID="Test.Pack.Category.Heartbeat"""));
        warning.Message.Should().StartWith("2 Category elements are kept as XML");
        outcome.Result.Packs[TestPacks.Id]!.ElementsById.Should().ContainKey("Test.Pack.Category.Health");
    }

    [Fact]
    [Covers(ProblemCodes.UnsupportedSchemaVersion)]
    public void UnknownSchemaVersion_IsUnsupportedSchemaVersionWarning_AtTheRoot()
    {
        var xml = TestPacks.With(("""SchemaVersion="2.0" OriginalSchemaVersion""", """SchemaVersion="3.0" OriginalSchemaVersion"""));

        var outcome = PackCheck.Check(xml);

        var warning = outcome.SingleWarning(ProblemCodes.UnsupportedSchemaVersion);
        warning.Location.Should().Be(Where.Element(xml, "<ManagementPack ContentReadable"));
        warning.Message.Should().Contain("'3.0'");
        outcome.Result.Packs[TestPacks.Id].Should().NotBeNull();
    }

    [Fact]
    [Covers(ProblemCodes.MissingRequired)]
    public void RuleWithoutTarget_IsMissingRequired_AtTheRule()
    {
        var xml = TestPacks.With(("""Target="Test.Pack.Application" ConfirmDelivery="false" Remotable="true" Priority="Normal" DiscardLevel""", """ConfirmDelivery="false" Remotable="true" Priority="Normal" DiscardLevel"""));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.MissingRequired);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, "<Rule ID="), TestPacks.RuleId));
        problem.Message.Should().Contain("Target");
    }

    [Fact]
    [Covers(ProblemCodes.InvalidValue)]
    public void RemotableNotABoolean_IsInvalidValue_AtTheRule()
    {
        var xml = TestPacks.With(("""Remotable="true" Priority="Normal" DiscardLevel""", """Remotable="yes" Priority="Normal" DiscardLevel"""));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.InvalidValue);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, "<Rule ID="), TestPacks.RuleId));
        problem.Message.Should().Contain("Remotable").And.Contain("'yes'");
    }

    [Fact]
    [Covers(ProblemCodes.InvalidValue)]
    public void AlertPriorityNotKnown_IsInvalidValue_AtTheAlertPriority()
    {
        var xml = TestPacks.With(("<AlertPriority>Normal</AlertPriority>", "<AlertPriority>Urgent</AlertPriority>"));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.InvalidValue);
        problem.Message.Should().Contain("'Urgent'");
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, "<AlertPriority>"), TestPacks.MonitorId));
    }

    [Fact]
    [Covers(ProblemCodes.UnknownFragmentAlias)]
    public void FragmentWithUnknownAlias_IsUnknownFragmentAlias_AtTheAttribute()
    {
        const string fragment = """
            <ManagementPackFragment SchemaVersion="2.0" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
              <TypeDefinitions>
                <EntityTypes>
                  <ClassTypes>
                    <ClassType ID="Test.Fragment.Application" Accessibility="Public" Abstract="true" Base="Contoso!Contoso.Application" Hosted="false" Singleton="false" Extension="false" />
                    <ClassType ID="Test.Fragment.Server" Accessibility="Public" Abstract="true" Base="Windows!Microsoft.Windows.LocalApplication" Hosted="true" Singleton="false" Extension="false" />
                  </ClassTypes>
                </EntityTypes>
              </TypeDefinitions>
            </ManagementPackFragment>
            """;
        var folder = Directory.CreateTempSubdirectory("mp-fragment-");
        try
        {
            var path = Path.Combine(folder.FullName, "Classes.mpx");
            File.WriteAllText(path, fragment);

            var outcome = PackCheck.Outcome(PackSetLoader.Load([folder.FullName], PackCheck.Libraries.Packs));

            var problem = outcome.SingleError(ProblemCodes.UnknownFragmentAlias);
            problem.Location.Should().Be(Where.Attribute(fragment, "Base=\"Contoso!", path: path));
            problem.Message.Should().Contain("'Contoso'");
            outcome.Result.Packs.Packs.Should().Contain(p => p.Manifest.References.Any(r => r.Alias == "Windows"), "the conventional alias still resolves");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    [Covers(ProblemCodes.UnfilledTemplateToken)]
    public void UnfilledToken_IsUnfilledTemplateToken_AtTheToken()
    {
        var xml = TestPacks.With(("<Name>Test Application</Name>", "<Name>##ApplicationName##</Name>"));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.UnfilledTemplateToken);
        problem.Location.Should().Be(Where.Text(xml, "##ApplicationName##"));
        problem.Message.Should().Contain("--set ApplicationName=");
        outcome.Result.Packs[TestPacks.Id].Should().NotBeNull("a pack with an unfilled token is still read");
    }

    [Fact]
    [Covers(ProblemCodes.FileUnreadable)]
    public void MissingFile_IsFileUnreadable()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}", "Test.xml");

        var outcome = PackCheck.Outcome(PackSetLoader.Load([missing], PackCheck.Libraries.Packs));

        var problem = outcome.SingleError(ProblemCodes.FileUnreadable);
        problem.Location.Should().Be(new SourceLocation(missing, 0, 0));
        outcome.Result.Summary.Packs.Should().Be(0);
    }
}
