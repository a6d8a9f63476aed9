using MonitoringHost.Runtime.Modules;
using static MonitoringHost.Runtime.Tests.Modules.ModuleTestModel;

namespace MonitoringHost.Runtime.Tests.Modules;

public sealed class ElementGuidsTests
{
    [Fact]
    public void For_SameCatalog_GivesTheSameTable()
    {
        ElementGuids.For(Classes).Should().BeSameAs(ElementGuids.For(Classes));
    }

    [Fact]
    public void Lookups_ElementGuids_FindTheirElements()
    {
        var guids = ElementGuids.For(Classes);

        guids.Class(Guid.Parse(ClassGuid("Test.Component")))!.Name.Should().Be("Test.Component");
        guids.Relationship(Guid.Parse(RelationshipGuid("Test.AppReferencesApp")))!.Name.Should().Be("Test.AppReferencesApp");
        var resource = guids.StringResource(Guid.Parse(ElementGuid(ModulesPack, "Test.Runtime.GermanOnly.AlertMessage")));
        (resource?.Pack.Id, resource?.Element.Id).Should().Be((ModulesPack, "Test.Runtime.GermanOnly.AlertMessage"));
        guids.Class(Guid.Parse(ElementGuid(ModulesPack, "Test.Runtime.GermanOnly.AlertMessage"))).Should().BeNull();
    }
}
