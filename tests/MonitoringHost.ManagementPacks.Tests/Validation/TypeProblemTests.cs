using MonitoringHost.ManagementPacks.Problems;

namespace MonitoringHost.ManagementPacks.Tests.Validation;

/// <summary>
/// Class and relationship type problems (MP013x): the base pack broken in one way reports exactly that code, where it is.
/// <code>
/// MP0130 ClassInheritanceCycle          ClassesDerivingFromEachOther_IsClassInheritanceCycle_AtEachClass
/// MP0131 RelationshipInheritanceCycle   RelationshipsDerivingFromEachOther_IsRelationshipInheritanceCycle_AtEachType
/// MP0132 HostingTargetNotHosted         HostingAClassThatIsNotHosted_IsHostingTargetNotHosted_AtTheTarget
/// MP0133 HostedClassWithoutHost         HostedClassNoRelationshipHosts_IsHostedClassWithoutHost_AtTheClass
/// MP0134 HostedFlagChanged              UnhostedClassDerivedFromAHostedOne_IsHostedFlagChanged_AtTheClass
/// MP0135 DuplicateProperty              PropertyDeclaredTwice_IsDuplicateProperty_AtTheSecond (own and inherited)
/// MP0136 UnkeyedClass                   ConcreteClassWithoutKey_IsUnkeyedClassWarning_AtTheClass
/// MP0137 KeyOnExtensionOrSingleton      KeyOnSingletonOrExtension_IsKeyOnExtensionOrSingleton_AtTheProperty
/// MP0138 InvalidPropertyType            PropertyOfUnknownType_IsInvalidPropertyType_AtTheProperty
/// MP0139 HostingSourceAbstract          HostingFromAnAbstractClass_IsHostingSourceAbstractWarning_AtTheSource
/// </code>
/// </summary>
public sealed class TypeProblemTests
{
    private static string WithClasses(string classes) => TestPacks.With(("</ClassTypes>", classes + "</ClassTypes>"));

    private static string WithRelationships(string relationships) =>
        TestPacks.With(("</ClassTypes>", "</ClassTypes>\n      <RelationshipTypes>\n" + relationships + "\n      </RelationshipTypes>"));

    [Fact]
    [Covers(ProblemCodes.ClassInheritanceCycle)]
    public void ClassesDerivingFromEachOther_IsClassInheritanceCycle_AtEachClass()
    {
        var xml = WithClasses("""
            <ClassType ID="Test.Pack.Egg" Accessibility="Public" Abstract="true" Base="Test.Pack.Chicken" Hosted="false" Singleton="false" Extension="false" />
                    <ClassType ID="Test.Pack.Chicken" Accessibility="Public" Abstract="true" Base="Test.Pack.Egg" Hosted="false" Singleton="false" Extension="false" />

            """);

        var outcome = PackCheck.Check(xml);

        var problems = outcome.OnlyErrorCode(ProblemCodes.ClassInheritanceCycle);
        problems.Select(p => (p.Location, p.ElementId)).Should().Equal(
            (Where.Element(xml, """<ClassType ID="Test.Pack.Egg" """), "Test.Pack.Egg"),
            (Where.Element(xml, """<ClassType ID="Test.Pack.Chicken" """), "Test.Pack.Chicken"));
        problems[0].Message.Should().EndWith("Test.Pack.Egg -> Test.Pack.Chicken -> Test.Pack.Egg");
    }

    [Fact]
    [Covers(ProblemCodes.RelationshipInheritanceCycle)]
    public void RelationshipsDerivingFromEachOther_IsRelationshipInheritanceCycle_AtEachType()
    {
        var xml = WithRelationships("""
            <RelationshipType ID="Test.Pack.First" Accessibility="Public" Abstract="true" Base="Test.Pack.Second">
              <Source ID="Source" Type="Test.Pack.Application" />
              <Target ID="Target" Type="Test.Pack.Application" />
            </RelationshipType>
            <RelationshipType ID="Test.Pack.Second" Accessibility="Public" Abstract="true" Base="Test.Pack.First">
              <Source ID="Source" Type="Test.Pack.Application" />
              <Target ID="Target" Type="Test.Pack.Application" />
            </RelationshipType>
            """);

        var outcome = PackCheck.Check(xml);

        var problems = outcome.OnlyErrorCode(ProblemCodes.RelationshipInheritanceCycle);
        problems.Select(p => (p.Location, p.ElementId)).Should().Equal(
            (Where.Element(xml, """<RelationshipType ID="Test.Pack.First" """), "Test.Pack.First"),
            (Where.Element(xml, """<RelationshipType ID="Test.Pack.Second" """), "Test.Pack.Second"));
        problems[0].Message.Should().EndWith("Test.Pack.First -> Test.Pack.Second -> Test.Pack.First");
    }

    [Fact]
    [Covers(ProblemCodes.HostingTargetNotHosted)]
    public void HostingAClassThatIsNotHosted_IsHostingTargetNotHosted_AtTheTarget()
    {
        var xml = TestPacks.Edit(
            WithRelationships("""
                <RelationshipType ID="Test.Pack.ApplicationHostsComponent" Accessibility="Public" Abstract="false" Base="System!System.Hosting">
                  <Source ID="Application" Type="Test.Pack.Application" />
                  <Target ID="Component" Type="Test.Pack.Component" />
                </RelationshipType>
                """),
            ("</ClassTypes>", """
                <ClassType ID="Test.Pack.Component" Accessibility="Public" Abstract="false" Base="System!System.LogicalEntity" Hosted="false" Singleton="false" Extension="false">
                  <Property ID="Name" Type="string" Key="true" />
                </ClassType>
              </ClassTypes>
              """));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.HostingTargetNotHosted);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, """<Target ID="Component" """), "Test.Pack.ApplicationHostsComponent"));
        problem.Message.Should().Contain("Test.Pack.Component is not a Hosted class");
    }

    [Fact]
    [Covers(ProblemCodes.HostedClassWithoutHost)]
    public void HostedClassNoRelationshipHosts_IsHostedClassWithoutHost_AtTheClass()
    {
        var xml = WithClasses("""
            <ClassType ID="Test.Pack.Orphan" Accessibility="Public" Abstract="false" Base="System!System.LogicalEntity" Hosted="true" Singleton="false" Extension="false" />
            """);

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.HostedClassWithoutHost);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, """<ClassType ID="Test.Pack.Orphan" """), "Test.Pack.Orphan"));
    }

    [Fact]
    [Covers(ProblemCodes.HostedFlagChanged)]
    public void UnhostedClassDerivedFromAHostedOne_IsHostedFlagChanged_AtTheClass()
    {
        var xml = WithClasses("""
            <ClassType ID="Test.Pack.Role" Accessibility="Public" Abstract="true" Base="Windows!Microsoft.Windows.LocalApplication" Hosted="false" Singleton="false" Extension="false" />
            """);

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.HostedFlagChanged);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, """<ClassType ID="Test.Pack.Role" """), "Test.Pack.Role"));
        problem.Message.Should().Contain("Microsoft.Windows.LocalApplication");
    }

    public static TheoryData<string, string> DuplicateProperties => new()
    {
        { """<Property ID="Version" Type="string" />""", "declared twice in this class" },
        { """<Property ID="DisplayName" Type="string" />""", "already declared by the base class System.Entity" },
    };

    [Theory]
    [MemberData(nameof(DuplicateProperties))]
    [Covers(ProblemCodes.DuplicateProperty)]
    public void PropertyDeclaredTwice_IsDuplicateProperty_AtTheSecond(string property, string message)
    {
        var xml = TestPacks.With(("</ClassType>", property + "</ClassType>"));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.DuplicateProperty);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, property), TestPacks.ClassId));
        problem.Message.Should().Contain(message);
    }

    [Fact]
    [Covers(ProblemCodes.UnkeyedClass)]
    public void ConcreteClassWithoutKey_IsUnkeyedClassWarning_AtTheClass()
    {
        var xml = WithClasses("""
            <ClassType ID="Test.Pack.Service" Accessibility="Public" Abstract="false" Base="System!System.Service" Hosted="false" Singleton="false" Extension="false">
                      <Property ID="ServiceName" Type="string" Key="false" />
                    </ClassType>

            """);

        var outcome = PackCheck.Check(xml);

        var warning = outcome.SingleWarning(ProblemCodes.UnkeyedClass);
        (warning.Location, warning.ElementId).Should().Be((Where.Element(xml, """<ClassType ID="Test.Pack.Service" """), "Test.Pack.Service"));
    }

    public static TheoryData<string, string> KeyedSingletonsAndExtensions => new()
    {
        {
            """<ClassType ID="Test.Pack.Settings" Accessibility="Public" Abstract="false" Base="System!System.LogicalEntity" Hosted="false" Singleton="true" Extension="false">""",
            "a singleton class"
        },
        {
            """<ClassType ID="Test.Pack.ApplicationExtension" Accessibility="Public" Abstract="false" Base="Test.Pack.Application" Hosted="true" Singleton="false" Extension="true">""",
            "an extension class"
        },
    };

    [Theory]
    [MemberData(nameof(KeyedSingletonsAndExtensions))]
    [Covers(ProblemCodes.KeyOnExtensionOrSingleton)]
    public void KeyOnSingletonOrExtension_IsKeyOnExtensionOrSingleton_AtTheProperty(string classStart, string message)
    {
        var xml = WithClasses(classStart + """<Property ID="Region" Type="string" Key="true" /></ClassType>""");

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.KeyOnExtensionOrSingleton);
        var classId = classStart.Split('"')[1];
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, """<Property ID="Region" """), classId));
        problem.Message.Should().Contain(message);
    }

    [Fact]
    [Covers(ProblemCodes.InvalidPropertyType)]
    public void PropertyOfUnknownType_IsInvalidPropertyType_AtTheProperty()
    {
        var xml = TestPacks.With(("""<Property ID="InstallPath" Type="string" """, """<Property ID="InstallPath" Type="path" """));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.InvalidPropertyType);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, """<Property ID="InstallPath" """), TestPacks.ClassId));
        problem.Message.Should().Contain("type 'path'");
    }

    [Fact]
    [Covers(ProblemCodes.HostingSourceAbstract)]
    public void HostingFromAnAbstractClass_IsHostingSourceAbstractWarning_AtTheSource()
    {
        var xml = WithRelationships("""
            <RelationshipType ID="Test.Pack.ComputerHostsApplication" Accessibility="Public" Abstract="false" Base="System!System.Hosting">
              <Source ID="Computer" Type="System!System.Computer" />
              <Target ID="Application" Type="Test.Pack.Application" />
            </RelationshipType>
            """);

        var outcome = PackCheck.Check(xml);

        var warning = outcome.SingleWarning(ProblemCodes.HostingSourceAbstract);
        (warning.Location, warning.ElementId).Should().Be((Where.Element(xml, """<Source ID="Computer" """), "Test.Pack.ComputerHostsApplication"));
        warning.Message.Should().Contain("System.Computer is abstract");
    }
}
