using System.Text;
using System.Text.Json;

namespace MonitoringHost.Cli.Tests.Commands;

/// <summary><c>mh mp import|list|export|remove</c> and <c>mh discovery push</c> against a real server on loopback.</summary>
public sealed class ManagementPackCommandTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mh-cli-packs-").FullName;
    private LoopbackServer _api = null!;

    public async Task InitializeAsync() => _api = await LoopbackServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary><c>mh</c> with the arguments, on this server with the administrator key it wrote.</summary>
    private (int ExitCode, string Output, string Error) Run(params string[] args) => Mh.Run([.. args, "--server", _api.Url, "--data", _api.Folder]);

    private static string[] Lines(string output) => output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    private string Write(string fileName, string text)
    {
        var path = Path.Combine(_folder, fileName);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return path;
    }

    private string[] ContosoPacks() => [Write("Contoso.Imported.xml", TestPacks.Imported()), Write("Contoso.Dependent.xml", TestPacks.Dependent())];

    [Fact]
    public void Import_ValidateOnly_ThenImport_ThenList()
    {
        var files = ContosoPacks();

        var (validated, validOutput, validError) = Run(["mp", "import", .. files, "--validate-only"]);
        validated.Should().Be(0, validError);
        Lines(validOutput).Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]).Should().Equal("Contoso.Imported", "Contoso.Dependent");
        validError.Should().EndWith("2 pack(s) valid; nothing imported" + Environment.NewLine);
        _api.Server.ManagementPacks.Find("Contoso.Imported").Should().BeNull("validating imports nothing");

        var (imported, output, error) = Run(["mp", "import", .. files]);
        imported.Should().Be(0, error);
        var lines = Lines(output);
        lines[0].Should().MatchRegex("^NAME +VERSION +SEALED +ELEMENTS +ID$");
        lines[1].Should().MatchRegex($"^Contoso\\.Imported +1\\.0\\.0\\.0 +no +[0-9]+ +{_api.Server.ManagementPacks.Find("Contoso.Imported")!.Id}$");
        lines[2].Should().StartWith("Contoso.Dependent ");
        error.Should().StartWith("importing 2 pack(s), ").And.EndWith("2 pack(s) imported" + Environment.NewLine);

        var (listed, list, _) = Run("mp", "list");
        listed.Should().Be(0);
        Lines(list)[0].Should().MatchRegex("^NAME +VERSION +SEALED +ORIGIN +IMPORTED +DISPLAY NAME$");
        Lines(list).Should().ContainSingle(l => l.StartsWith("Contoso.Imported ", StringComparison.Ordinal)).Which.Should()
            .MatchRegex(@"^Contoso\.Imported +1\.0\.0\.0 +no +imported +20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9:]{8} +Contoso Imported$");
        Lines(list).Should().ContainSingle(l => l.StartsWith("System.Library ", StringComparison.Ordinal)).Which.Should().MatchRegex(@"^System\.Library +[0-9.]+ +yes +library +- +");

        var (_, json, _) = Run("mp", "list", "--json");
        using var document = JsonDocument.Parse(json);
        document.RootElement.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Contoso.Dependent")
            .GetProperty("origin").GetString().Should().Be("imported");
    }

    [Fact]
    public void Import_APackThatDoesNotValidate_Exits1_WithEachProblemOnStderr()
    {
        var broken = Write("Contoso.Broken.xml", TestPacks.Broken());

        var (exitCode, output, error) = Run("mp", "import", broken);

        (exitCode, output).Should().Be((1, ""));
        var lines = Lines(error);
        lines.Should().Contain(l => l.StartsWith("error: 422 Unprocessable Entity: ", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("  body line ", StringComparison.Ordinal) && l.Contains("System.NoSuchClass", StringComparison.Ordinal));
        _api.Server.ManagementPacks.Find("Contoso.Broken").Should().BeNull();

        Run("mp", "import", Path.Combine(_folder, "nothing.xml")).ExitCode.Should().Be(2, "a file that is not there is a usage error");
    }

    [Fact]
    public void Export_WritesTheBytesImported_AndRemove_IsRefusedWhileReferenced()
    {
        var files = ContosoPacks();
        Run(["mp", "import", .. files]).ExitCode.Should().Be(0);
        var exported = Path.Combine(_folder, "exported.xml");

        var (exitCode, _, error) = Run("mp", "export", "Contoso.Imported", "-o", exported);

        exitCode.Should().Be(0, error);
        error.Should().Be($"Contoso.Imported written to {exported}" + Environment.NewLine);
        File.ReadAllBytes(exported).Should().Equal(File.ReadAllBytes(files[0]));
        var (_, printed, _) = Run("mp", "export", "Contoso.Imported");
        printed.Should().Be(TestPacks.Imported(), "printed without the byte order mark");
        Run("mp", "export", "Contoso.Nothing", "-o", Path.Combine(_folder, "none.xml")).ExitCode.Should().Be(4);
        File.Exists(Path.Combine(_folder, "none.xml")).Should().BeFalse();

        var (refused, _, why) = Run("mp", "remove", "Contoso.Imported");
        refused.Should().Be(1);
        why.Should().StartWith("error: 409 Conflict: ").And.Contain("Contoso.Dependent");

        Run("mp", "remove", "Contoso.Dependent").Should().Be((0, "Contoso.Dependent removed" + Environment.NewLine, ""));
        Run("mp", "remove", "Contoso.Imported").ExitCode.Should().Be(0);
        Run("mp", "remove", "Contoso.Imported").ExitCode.Should().Be(4);
        _api.Server.ManagementPacks.Find("Contoso.Imported").Should().BeNull();
    }

    [Fact]
    public void DiscoveryPush_CreatesTheObjectsOfTheFile_AndRefusesBadOnesWithWhere()
    {
        Run("mp", "import", Write("Contoso.Imported.xml", TestPacks.Imported())).ExitCode.Should().Be(0);
        var computer = """{ "class": "Microsoft.Windows.Computer", "properties": { "PrincipalName": "app01.contoso.com" } }""";
        var file = Write("objects.json", $$"""
            { "mode": "incremental", "source": { "kind": "sdk", "id": "inventory" },
              "objects": [ {{computer}}, { "class": "Contoso.Imported.Service", "properties": { "ServiceName": "billing", "Port": 8443 }, "host": {{computer}} } ] }
            """);

        var (exitCode, output, error) = Run("discovery", "push", file);

        (exitCode, output).Should().Be((0, "2 created, 0 updated, 0 removed" + Environment.NewLine), error);
        var service = _api.Server.Space.WithProperty("Contoso.Imported.Service", "ServiceName", "billing").Should().ContainSingle().Subject;
        service.Properties["Port"].Should().Be("8443");

        var (again, json, _) = Run("discovery", "push", file, "--json");
        again.Should().Be(0);
        using var document = JsonDocument.Parse(json);
        (document.RootElement.GetProperty("source").GetString(), document.RootElement.GetProperty("created").GetArrayLength()).Should().Be(("sdk:inventory", 0));

        var bad = Write("bad.json", """{ "mode": "incremental", "source": { "kind": "sdk", "id": "inventory" }, "objects": [ { "class": "Contoso.Imported.Service", "properties": { "ServiceName": "x", "Port": "lots" } } ] }""");
        var (refused, _, why) = Run("discovery", "push", bad);
        refused.Should().Be(1);
        Lines(why).Should().Contain(l => l.StartsWith("  objects[0]", StringComparison.Ordinal));
        _api.Server.Space.WithProperty("Contoso.Imported.Service", "ServiceName", "x").Should().BeEmpty();
        Run("discovery", "push", Path.Combine(_folder, "none.json")).ExitCode.Should().Be(2);
    }
}
