using System.Diagnostics;
using System.Net;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Cli.Tests.Commands;

public sealed class ServeCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mh-serve-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int ExitCode, string Output, string Error) Run(params string[] args) => Mh.Run(args);

    [Fact]
    public void Serve_WithAPackThatDoesNotValidate_ExitsWith1_ListingTheProblems()
    {
        var pack = Path.Combine(_folder, "Contoso.Broken.xml");
        File.WriteAllText(pack, "<ManagementPack><Manifest><Identity><ID>Contoso.Broken</ID></Identity></Manifest></ManagementPack>");

        var (exitCode, output, error) = Run("serve", pack, "--data", Path.Combine(_folder, "data"), "--urls", "http://127.0.0.1:0");

        exitCode.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().StartWith("error: the packs do not validate:").And.Contain("Contoso.Broken.xml");
    }

    [Fact]
    public void Serve_WithATrapEndpointThatIsNotOne_OrIsTaken_ExitsWith1_SayingSo()
    {
        var (exitCode, _, error) = Run("serve", "--data", Path.Combine(_folder, "data"), "--urls", "http://127.0.0.1:0", "--snmp-traps", "0.0.0.0");

        exitCode.Should().Be(1);
        error.Should().Be("error: the SNMP trap endpoint '0.0.0.0' is not address:port (for example 0.0.0.0:162)" + Environment.NewLine);

        using var taken = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        (exitCode, _, error) = Run("serve", "--data", Path.Combine(_folder, "data"), "--urls", "http://127.0.0.1:0", "--snmp-traps", taken.LocalEndPoint!.ToString()!);

        exitCode.Should().Be(1);
        error.Should().StartWith($"error: cannot listen for SNMP traps on {taken.LocalEndPoint}: ");
    }

    [Fact]
    public void Serve_WithAStoreThatCannotBeReached_ExitsWith1_SayingSo()
    {
        var (exitCode, _, error) = Run("serve", "--postgres", "Host=127.0.0.1;Port=1;Username=mh;Database=mh;Timeout=2", "--urls", "http://127.0.0.1:0");

        exitCode.Should().Be(1);
        error.Should().StartWith("error: the store cannot be opened:");
    }

    [SkippableTheory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Serve_AsAProcess_AnswersHealth_AndStopsGracefullyOnSignal(string signal)
    {
        Skip.IfNot(OperatingSystem.IsLinux());
        // A process started in the background by a non-interactive shell ignores SIGINT, and so do its children.
        Skip.If(signal == "INT" && IgnoresSigint(), "this test run ignores SIGINT, and so would the server it starts");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [MhDll(), "serve", "--data", Path.Combine(_folder, "data"), "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        // The log goes to standard error: read it all along, or a full pipe would stop the server mid-write.
        var log = process.StandardError.ReadToEndAsync();
        try
        {
            var banner = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60))
                ?? throw new InvalidOperationException($"mh serve ended: {await log}");
            banner.Should().StartWith("MonitoringHost management server:");
            var url = banner[(banner.IndexOf("listening on ", StringComparison.Ordinal) + 13)..banner.IndexOf(". Ctrl+C", StringComparison.Ordinal)];
            var keyFile = Path.Combine(_folder, "data", "administrator.key");
            (await process.StandardOutput.ReadLineAsync()).Should().Be(
                $"First start: an administrator API key was written to {keyFile} (readable only by you). Use it as: Authorization: Bearer <key>");
            using var client = new HttpClient();
            using var health = await client.GetAsync(new Uri(url + "/api/v1/health"));
            health.StatusCode.Should().Be(HttpStatusCode.OK);
            using var objects = new HttpRequestMessage(HttpMethod.Get, new Uri(url + "/api/v1/objects"));
            objects.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", (await File.ReadAllTextAsync(keyFile)).Trim());
            using var listed = await client.SendAsync(objects);
            listed.StatusCode.Should().Be(HttpStatusCode.OK, "the key of the first start works");

            using (var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            var rest = process.StandardOutput.ReadToEndAsync();
            var exited = process.WaitForExitAsync();
            (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(60)))).Should().BeSameAs(exited, "SIG{0} stops the server; its log: {1}", signal, log.IsCompleted ? log.Result : "(still open)");
            process.ExitCode.Should().Be(0, await log);
            (await rest).Trim().Should().Be("stopped");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    private static bool IgnoresSigint()
    {
        var ignored = File.ReadLines("/proc/self/status").Single(line => line.StartsWith("SigIgn:", StringComparison.Ordinal))[7..].Trim();
        return (ulong.Parse(ignored, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) & 0x2) != 0;
    }

    /// <summary>The built <c>mh</c> of the same configuration as these tests.</summary>
    private static string MhDll()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Path.Combine(RepositoryPaths.Root, "host", "MonitoringHost.Cli", "bin", configuration, "net10.0", "mh.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"mh is not built at {path}");
    }
}
