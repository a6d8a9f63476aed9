using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.ManagementPacks.Libraries;
using MonitoringHost.ManagementPacks.Loading;
using MonitoringHost.Storage;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Cli.Tests.Commands;

public sealed class EffectiveCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mh-cli-effective-").FullName;

    private string Pack => Path.Combine(_folder, "Contoso.Effective.xml");

    private static string Rule(string id, bool remotable) => $"""
        <Rule ID="{id}" Enabled="true" Target="Windows!Microsoft.Windows.Computer" ConfirmDelivery="false" Remotable="{(remotable ? "true" : "false")}" Priority="Normal" DiscardLevel="100">
          <Category>Alert</Category>
          <DataSources><DataSource ID="DS" TypeID="System!System.SimpleScheduler"><IntervalSeconds>300</IntervalSeconds><SyncTime /></DataSource></DataSources>
          <WriteActions><WriteAction ID="Alert" TypeID="Health!System.Health.GenerateAlert"><Priority>1</Priority><Severity>1</Severity><AlertName>{id}</AlertName></WriteAction></WriteActions>
        </Rule>
        """;

    private static readonly string PackXml = $"""
        <ManagementPack SchemaVersion="2.0" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
          <Manifest>
            <Identity><ID>Contoso.Effective</ID><Version>1.0.0.0</Version></Identity>
            <References>
              <Reference Alias="System"><ID>System.Library</ID><Version>7.5.8501.0</Version><PublicKeyToken>31bf3856ad364e35</PublicKeyToken></Reference>
              <Reference Alias="Windows"><ID>Microsoft.Windows.Library</ID><Version>7.5.8501.0</Version><PublicKeyToken>31bf3856ad364e35</PublicKeyToken></Reference>
              <Reference Alias="Health"><ID>System.Health.Library</ID><Version>7.0.8433.0</Version><PublicKeyToken>31bf3856ad364e35</PublicKeyToken></Reference>
            </References>
          </Manifest>
          <Monitoring>
            <Rules>
              {Rule("Contoso.Effective.Heartbeat", remotable: true)}
              {Rule("Contoso.Effective.Local", remotable: false)}
              {Rule("Contoso.Effective.Off", remotable: true)}
            </Rules>
            <Overrides>
              <RuleConfigurationOverride ID="Contoso.Effective.Every120" Context="Windows!Microsoft.Windows.Computer" Enforced="true" Rule="Contoso.Effective.Heartbeat" Module="DS" Parameter="IntervalSeconds"><Value>120</Value></RuleConfigurationOverride>
              <RulePropertyOverride ID="Contoso.Effective.TurnOff" Context="Windows!Microsoft.Windows.Computer" Enforced="false" Rule="Contoso.Effective.Off" Property="Enabled"><Value>false</Value></RulePropertyOverride>
            </Overrides>
          </Monitoring>
        </ManagementPack>
        """;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int ExitCode, string Output, string Error) Run(params string[] args) => Mh.Run(args);

    /// <summary>A store in the temp folder holding one computer, as discovery data would have put it there.</summary>
    private async Task<Guid> StoreWithComputerAsync()
    {
        await File.WriteAllTextAsync(Pack, PackXml);
        var libraries = ShippedLibraries.Read(RepositoryPaths.Libraries);
        var classes = new ClassCatalog(PackSetLoader.Load([Pack], libraries.Packs).Packs);
        var store = await InstanceStoreFactory.OpenAsync(new StoreOptions { DataFolder = _folder }, CancellationToken.None);
        await using (store)
        {
            using var space = await InstanceSpace.OpenAsync(classes, store, TimeProvider.System, CancellationToken.None);
            var result = await space.ApplyAsync(
                DiscoveryData.Snapshot(DiscoverySource.Sdk("tests"), [new ObjectData("Microsoft.Windows.Computer", new Dictionary<string, string?> { ["PrincipalName"] = "a.contoso.com" })]),
                CancellationToken.None);
            return result.Created.Single();
        }
    }

    [Fact]
    public async Task Effective_ListsEveryWorkflowOfTheObject_WhetherItRuns_AndItsSettings()
    {
        var id = await StoreWithComputerAsync();

        var (exitCode, output, error) = Run("workflows", "effective", "a.contoso.com", Pack, "--data", _folder);

        error.Should().BeEmpty();
        exitCode.Should().Be(0);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines[0].Should().Be($"a.contoso.com (Microsoft.Windows.Computer, {id})");
        lines.Should().ContainInOrder(
            "Contoso.Effective!Contoso.Effective.Heartbeat: runs",
            "Enabled = true    from the pack",
            "DS/IntervalSeconds = 120    override Contoso.Effective!Contoso.Effective.Every120 (class, enforced)",
            "DS/SyncTime =     from the pack");
        lines.Should().Contain(l => l.StartsWith("Contoso.Effective!Contoso.Effective.Local: does not run: not remotable", StringComparison.Ordinal));
        lines.Should().Contain("Contoso.Effective!Contoso.Effective.Off: does not run: disabled by override Contoso.Effective!Contoso.Effective.TurnOff");
    }

    [Fact]
    public async Task Effective_UnknownObject_ExitsOneAndSaysSo()
    {
        await StoreWithComputerAsync();

        var (exitCode, _, error) = Run("workflows", "effective", "nowhere.contoso.com", Pack, "--data", _folder);

        exitCode.Should().Be(1);
        error.Should().Contain("no object has the id, path or display name 'nowhere.contoso.com'");
    }
}
