using MonitoringHost.ManagementPacks.Identity;
using MonitoringHost.ManagementPacks.Libraries;
using MonitoringHost.ManagementPacks.Reading;

namespace MonitoringHost.ManagementPacks.Tests.Identity;

public sealed class DeterministicGuidTests
{
    private const string MicrosoftToken = ConventionalAliases.MicrosoftKeyToken;

    [Theory]
    [InlineData("Microsoft.Windows.Library", "Microsoft.Windows.Computer", "ea99500d-8d52-fc52-b5a5-10dcd1e9d2bd")]
    [InlineData("Microsoft.SystemCenter.Library", "Microsoft.SystemCenter.HealthServiceShouldManageEntity", "2f71c644-e092-b80a-040b-5c81ba1ec353")]
    public void ForElement_SealedLibraryElement_MatchesOperationsManagerId(string pack, string element, string expected)
    {
        DeterministicGuid.ForElement(pack, MicrosoftToken, element).Should().Be(Guid.Parse(expected));
    }

    [Fact]
    public void ForElement_Sealing_ChangesTheId()
    {
        var unsealed = DeterministicGuid.ForElement("Contoso.App", null, "Contoso.App.Server");
        var sealedId = DeterministicGuid.ForElement("Contoso.App", "0123456789abcdef", "Contoso.App.Server");

        unsealed.Should().NotBe(sealedId);
        DeterministicGuid.ForElement("Contoso.App", null, "Contoso.App.Server").Should().Be(unsealed, "the id is a pure function of its inputs");
    }

    [Fact]
    public void ForManagementPack_HashesTheNameAndTokenOnly()
    {
        var expected = DeterministicGuid.FromString("MPName=Microsoft.Windows.Library,KeyToken=31bf3856ad364e35");

        DeterministicGuid.ForManagementPack("Microsoft.Windows.Library", MicrosoftToken).Should().Be(expected);
        DeterministicGuid.ForManagementPack("Microsoft.Windows.Library", null)
            .Should().Be(DeterministicGuid.FromString("MPName=Microsoft.Windows.Library"));
    }

    [Fact]
    public void ShippedLibrary_ElementGuid_IsOperationsManagersId()
    {
        var windows = ShippedLibraries.Read().Packs.Single(p => p.Id == "Microsoft.Windows.Library");

        windows.GuidOf("Microsoft.Windows.Computer").Should().Be(Guid.Parse("ea99500d-8d52-fc52-b5a5-10dcd1e9d2bd"));
    }
}
