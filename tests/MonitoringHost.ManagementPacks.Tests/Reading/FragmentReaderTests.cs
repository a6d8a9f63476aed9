using System.Collections.Immutable;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Problems;
using MonitoringHost.ManagementPacks.Reading;

namespace MonitoringHost.ManagementPacks.Tests.Reading;

public sealed class FragmentReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mh-fragments-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string xml)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, xml);
        return path;
    }

    private const string ClassFragment = """
        <ManagementPackFragment SchemaVersion="2.0" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
          <!-- RequiredReference: Alias="Win", ID="Microsoft.Windows.Library" -->
          <TypeDefinitions>
            <EntityTypes>
              <ClassTypes>
                <ClassType ID="##CompanyID##.App.Class" Accessibility="Public" Abstract="false" Base="Win!Microsoft.Windows.LocalApplication" Hosted="true" Singleton="false" />
              </ClassTypes>
            </EntityTypes>
          </TypeDefinitions>
          <LanguagePacks>
            <LanguagePack ID="ENU" IsDefault="true">
              <DisplayStrings>
                <DisplayString ElementID="##CompanyID##.App.Class"><Name>App</Name></DisplayString>
              </DisplayStrings>
            </LanguagePack>
          </LanguagePacks>
        </ManagementPackFragment>
        """;

    private const string MonitorFragment = """
        <ManagementPackFragment SchemaVersion="2.0">
          <Monitoring>
            <Monitors>
              <AggregateMonitor ID="##CompanyID##.App.Rollup" Accessibility="Public" Enabled="true" Target="##CompanyID##.App.Class" ParentMonitorID="Health!System.Health.AvailabilityState" Remotable="true" Priority="Normal">
                <Category>AvailabilityHealth</Category>
                <Algorithm>WorstOf</Algorithm>
              </AggregateMonitor>
            </Monitors>
          </Monitoring>
          <LanguagePacks>
            <LanguagePack ID="ENU" IsDefault="true">
              <DisplayStrings>
                <DisplayString ElementID="##CompanyID##.App.Rollup"><Name>Rollup</Name></DisplayString>
              </DisplayStrings>
            </LanguagePack>
          </LanguagePacks>
        </ManagementPackFragment>
        """;

    private static ManagementPackReadOptions Filled => new() { TemplateValues = ImmutableDictionary<string, string>.Empty.Add("CompanyID", "Contoso") };

    [Fact]
    public void ReadFragments_TwoFiles_MergeIntoOnePackNamedAfterTheFolder()
    {
        var files = new[] { Write("Class.mpx", ClassFragment), Write("Monitor.mpx", MonitorFragment) };

        var result = ManagementPackReader.ReadFragments(files, Filled);

        result.HasErrors.Should().BeFalse();
        var pack = result.Pack!;
        pack.Id.Should().Be(Path.GetFileName(_folder).Replace('-', '_'));
        pack.Elements.Select(e => e.Id).Should().Equal("Contoso.App.Class", "Contoso.App.Rollup");
        pack.LanguagePacks.Should().ContainSingle().Which.DisplayStrings.Select(d => d.ElementId).Should().Equal("Contoso.App.Class", "Contoso.App.Rollup");
        pack.Elements[1].Location.Path.Should().Be(files[1]);
    }

    [Fact]
    public void ReadFragments_Aliases_ComeFromCommentsThenConventions()
    {
        var files = new[] { Write("Class.mpx", ClassFragment), Write("Monitor.mpx", MonitorFragment) };

        var pack = ManagementPackReader.ReadFragments(files, Filled).Pack!;

        pack.Manifest.References.Select(r => (r.Alias, r.Id, r.PublicKeyToken)).Should().Equal(
            ("Health", "System.Health.Library", ConventionalAliases.MicrosoftKeyToken),
            ("Win", "Microsoft.Windows.Library", ConventionalAliases.MicrosoftKeyToken));
    }

    [Fact]
    public void ReadFragments_ExplicitAliasMap_WinsOverTheComment()
    {
        var options = Filled with { AliasMap = ImmutableDictionary<string, string>.Empty.Add("Win", "Contoso.Windows.Library"), FragmentPackId = "Contoso.App" };

        var pack = ManagementPackReader.ReadFragments([Write("Class.mpx", ClassFragment)], options).Pack!;

        pack.Id.Should().Be("Contoso.App");
        pack.Manifest.References.Should().ContainSingle().Which.Should().Match<ManagementPackReference>(r => r.Alias == "Win" && r.Id == "Contoso.Windows.Library" && r.PublicKeyToken == null);
    }

    [Fact]
    public void ReadFragments_AliasNobodyExplains_IsAnErrorAtItsUse()
    {
        var xml = MonitorFragment.Replace("Health!System.Health.AvailabilityState", "Mystery!System.Health.AvailabilityState", StringComparison.Ordinal);

        var result = ManagementPackReader.ReadFragments([Write("Monitor.mpx", xml)], Filled);

        result.Problems.Should().ContainSingle(p => p.IsError).Which.Should().Match<PackProblem>(p =>
            p.Code == ProblemCodes.UnknownFragmentAlias && p.Message.Contains("'Mystery'") && p.Location.Line == 4);
    }

    [Fact]
    public void ReadFile_UnfilledTemplateToken_IsAnErrorThatNamesTheToken()
    {
        var result = ManagementPackReader.ReadFile(Write("Class.mpx", ClassFragment));

        result.Problems.Where(p => p.IsError).Should().ContainSingle().Which.Should().Match<PackProblem>(p =>
            p.Code == ProblemCodes.UnfilledTemplateToken && p.Location.Line == 6 && p.Message.Contains("##CompanyID##") && p.Message.Contains("--set CompanyID="));
    }

    [Fact]
    public void ReadFile_SingleFragment_IsAPackNamedAfterTheFile()
    {
        var result = ManagementPackReader.ReadFile(Write("Contoso.Class.mpx", ClassFragment), Filled);

        result.HasErrors.Should().BeFalse();
        result.Pack!.Id.Should().Be("Contoso.Class");
        result.Pack.Version.Should().Be(new Version(1, 0, 0, 0));
    }
}
