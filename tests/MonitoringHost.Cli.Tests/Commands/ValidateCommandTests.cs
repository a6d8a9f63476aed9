using System.Text.Json;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Cli.Tests.Commands;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mh-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int ExitCode, string Output, string Error) Run(params string[] args) => Mh.Run(args);

    private const string BrokenPack = """
        <ManagementPack SchemaVersion="2.0">
          <Manifest>
            <Identity><ID>Contoso.Broken</ID><Version>1.0.0.0</Version></Identity>
            <References>
              <Reference Alias="System"><ID>System.Library</ID><Version>7.5.8501.0</Version><PublicKeyToken>31bf3856ad364e35</PublicKeyToken></Reference>
            </References>
          </Manifest>
          <TypeDefinitions>
            <EntityTypes>
              <ClassTypes>
                <ClassType ID="Contoso.Broken.Thing" Accessibility="Public" Abstract="false" Base="System!System.NoSuchClass" Hosted="false" Singleton="true" />
              </ClassTypes>
            </EntityTypes>
          </TypeDefinitions>
        </ManagementPack>
        """;

    [SkippableFact]
    public void Validate_CorpusFolder_ExitsZeroAndPrintsTheSummary()
    {
        var (exitCode, output, _) = Run("mp", "validate", Path.Combine(RepositoryPaths.RequireCorpus(), "full"));

        exitCode.Should().Be(0);
        output.TrimEnd().Split('\n').Last().Should().Be("5 pack(s), 6 class(es), 46 workflow(s): 0 error(s), 13 warning(s)");
        output.Should().Contain("warning MP0006: 6 View elements are kept as XML");
    }

    [Fact]
    public void Validate_ShippedPacksFolder_ReplacesTheLibrariesByIdAndIsClean()
    {
        var packs = Path.Combine(RepositoryPaths.Root, "packs");
        var (exitCode, output, _) = Run("mp", "validate", packs);

        exitCode.Should().Be(0, output);
        output.Should().NotContain("MP0103");
        var count = Directory.GetFiles(packs, "*.xml", SearchOption.AllDirectories).Length;
        count.Should().Be(21, "the 18 libraries and the Orchestrator, Service Manager and VMM packs");
        output.TrimEnd().Split('\n').Last().Should().StartWith($"{count} pack(s), ").And.EndWith(": 0 error(s), 0 warning(s)");
    }

    [Fact]
    public void Validate_BrokenPack_PrintsCompilerStyleErrorsAndExitsOne()
    {
        var path = Path.Combine(_folder, "Contoso.Broken.xml");
        File.WriteAllText(path, BrokenPack);

        var (exitCode, output, _) = Run("mp", "validate", path);

        exitCode.Should().Be(1);
        output.Should().Contain($"{path}(11,10): error MP0121: the base class 'System!System.NoSuchClass' does not resolve: System.Library 10.19.10050.0 has no element 'System.NoSuchClass' [Contoso.Broken.Thing]");
        output.TrimEnd().Split('\n').Last().Should().Be("1 pack(s), 1 class(es), 0 workflow(s): 1 error(s), 0 warning(s)");
    }

    [Fact]
    public void Validate_JsonFormat_GivesToolsEveryField()
    {
        var path = Path.Combine(_folder, "Contoso.Broken.xml");
        File.WriteAllText(path, BrokenPack);

        var (exitCode, output, _) = Run("mp", "validate", path, "--format", "json");

        exitCode.Should().Be(1);
        using var document = JsonDocument.Parse(output);
        document.RootElement.GetProperty("summary").GetProperty("errors").GetInt32().Should().Be(1);
        var problem = document.RootElement.GetProperty("problems").EnumerateArray().Single();
        problem.GetProperty("code").GetString().Should().Be("MP0121");
        problem.GetProperty("severity").GetString().Should().Be("error");
        problem.GetProperty("line").GetInt32().Should().Be(11);
        problem.GetProperty("column").GetInt32().Should().Be(10);
        problem.GetProperty("elementId").GetString().Should().Be("Contoso.Broken.Thing");
        problem.GetProperty("packId").GetString().Should().Be("Contoso.Broken");
        problem.GetProperty("path").GetString().Should().Be(path);
    }

    [SkippableFact]
    public void Validate_FragmentTemplate_IsFilledWithSet()
    {
        var fragment = Path.Combine(RepositoryPaths.RequireCorpus(), "fragment-library", "Monitor.Service.WithAlert.mpx");

        var unfilled = Run("mp", "validate", fragment);
        var filled = Run("mp", "validate", fragment, "--set", "CompanyID=Contoso", "--set", "AppName=App", "--set", "UniqueID=Spooler", "--set", "ServiceName=Spooler", "--set", "ClassID=Windows!Microsoft.Windows.Server.OperatingSystem");

        unfilled.ExitCode.Should().Be(1);
        unfilled.Output.Should().Contain("error MP0011: the template placeholder ##CompanyID## is not filled");
        filled.ExitCode.Should().Be(0, filled.Output);
        filled.Output.TrimEnd().Split('\n').Last().Should().EndWith(": 0 error(s), 0 warning(s)");
    }

    [Fact]
    public void Validate_MissingFile_IsAnErrorNotACrash()
    {
        var missing = Path.Combine(_folder, "nope.xml");

        var (exitCode, output, _) = Run("mp", "validate", missing);

        exitCode.Should().Be(1);
        output.Should().Contain($"{missing}: error MP0012: no such file or folder");
    }

    [Fact]
    public void Validate_BadSetSyntax_IsAUsageError()
    {
        var (exitCode, _, error) = Run("mp", "validate", _folder, "--set", "CompanyID");

        exitCode.Should().Be(2);
        error.Should().Contain("--set takes Name=Value, not 'CompanyID'");
    }
}
