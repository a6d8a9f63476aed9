using MonitoringHost.ManagementPacks.Problems;

namespace MonitoringHost.ManagementPacks.Tests.Validation;

/// <summary>
/// Substitution and display string problems (MP020x, MP0210): one token or string of the base pack broken reports
/// exactly that code, where it is.
/// <code>
/// MP0200 UnresolvedMPElementToken      MPElementTokenNamingNothing_IsUnresolvedMPElementToken_AtTheElement
/// MP0201 UnknownPropertyReference      TokenReadingAPropertyTheClassLacks_IsUnknownPropertyReference_AtTheElement
///                                      DiscoveredPropertyTheClassLacks_IsUnknownPropertyReference_AtTheDiscoveryClass
///                                      AlertParameterReadingAPropertyTheClassLacks_IsUnknownPropertyReference_AtTheParameter
/// MP0210 UnknownDisplayStringElement   DisplayStringForNoElement_IsUnknownDisplayStringElementWarning_AtTheString
/// </code>
/// </summary>
public sealed class SubstitutionProblemTests
{
    [Fact]
    [Covers(ProblemCodes.UnresolvedMPElementToken)]
    public void MPElementTokenNamingNothing_IsUnresolvedMPElementToken_AtTheElement()
    {
        var xml = TestPacks.With(("""<ClassId>$MPElement[Name="Test.Pack.Application"]$</ClassId>""", """<ClassId>$MPElement[Name="Test.Pack.Aplication"]$</ClassId>"""));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.UnresolvedMPElementToken);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, "<ClassId>"), TestPacks.ProviderId));
        problem.Message.Should().Contain("no element 'Test.Pack.Aplication' in this pack");
    }

    public static TheoryData<string> PropertyTokens => new()
    {
        """<Name>$MPElement[Name="Test.Pack.Application"]/Version$</Name>""",
        """<Value>$Target/Property[Type="Windows!Microsoft.Windows.Computer"]/PrincipalName$</Value>""",
    };

    [Theory]
    [MemberData(nameof(PropertyTokens))]
    [Covers(ProblemCodes.UnknownPropertyReference)]
    public void TokenReadingAPropertyTheClassLacks_IsUnknownPropertyReference_AtTheElement(string token)
    {
        var misspelt = token.Replace("/Version$", "/Versoin$", StringComparison.Ordinal).Replace("/PrincipalName$", "/PrincipleName$", StringComparison.Ordinal);
        var xml = TestPacks.With((token, misspelt));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.UnknownPropertyReference);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, misspelt), TestPacks.ProviderId));
        problem.Message.Should().ContainAny("no property 'Versoin'", "no property 'PrincipleName'");
    }

    [Fact]
    [Covers(ProblemCodes.UnknownPropertyReference)]
    public void DiscoveredPropertyTheClassLacks_IsUnknownPropertyReference_AtTheDiscoveryClass()
    {
        var xml = TestPacks.With(("""PropertyID="Version" />""", """PropertyID="Versoin" />"""));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.UnknownPropertyReference);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, "<DiscoveryClass "), TestPacks.DiscoveryId));
        problem.Message.Should().Contain("'Versoin'");
    }

    [Fact]
    [Covers(ProblemCodes.UnknownPropertyReference)]
    public void AlertParameterReadingAPropertyTheClassLacks_IsUnknownPropertyReference_AtTheParameter()
    {
        var xml = TestPacks.With(("""[Type="Test.Pack.Application"]/Version$""", """[Type="Test.Pack.Application"]/Versoin$"""));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.UnknownPropertyReference);
        problem.Message.Should().Contain("no property 'Versoin'");
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, "<AlertParameter1>"), TestPacks.MonitorId));
    }

    [Fact]
    [Covers(ProblemCodes.UnknownDisplayStringElement)]
    public void DisplayStringForNoElement_IsUnknownDisplayStringElementWarning_AtTheString()
    {
        var xml = TestPacks.With(("</DisplayStrings>", """<DisplayString ElementID="Test.Pack.Retired"><Name>Retired</Name></DisplayString></DisplayStrings>"""));

        var outcome = PackCheck.Check(xml);

        var warning = outcome.SingleWarning(ProblemCodes.UnknownDisplayStringElement);
        (warning.Location, warning.ElementId).Should().Be((Where.Element(xml, """<DisplayString ElementID="Test.Pack.Retired">"""), "Test.Pack.Retired"));
        warning.Message.Should().Contain("language pack ENU");
    }
}
