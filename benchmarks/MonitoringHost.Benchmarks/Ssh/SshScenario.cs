using System.Diagnostics;
using System.Globalization;
using MonitoringHost.Probes.Ssh;

namespace MonitoringHost.Benchmarks.Ssh;

/// <summary>
/// Commands per second over one pooled SSH connection to a real sshd (the one <c>test.sh</c> starts, named by
/// <c>MH_TEST_SSH</c> or <c>--target</c> in the same form: <c>host;port;user;password;ed25519 key;…</c>), logged in with
/// the ed25519 key: the first command (connect, key exchange, authentication), then <c>true</c> run one after another,
/// then ten callers at once (the connection's channel limit), each command a channel of its own.
/// </summary>
public static class SshScenario
{
    private const int Sequential = 500;
    private const int Callers = 10;
    private const int PerCaller = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        var target = args.SkipWhile(a => a != "--target").Skip(1).FirstOrDefault() ?? Environment.GetEnvironmentVariable("MH_TEST_SSH");
        if (string.IsNullOrWhiteSpace(target))
        {
            Console.Error.WriteLine("ssh scenario: no server; set MH_TEST_SSH or pass --target 'host;port;user;password;ed25519 key path' (test.sh starts one)");
            return 2;
        }

        var parts = target.Split(';');
        var folder = Directory.CreateTempSubdirectory("mh-ssh-bench-").FullName;
        try
        {
            using var store = new FileKnownHostsStore(Path.Combine(folder, "known_hosts"));
            using var runner = new SshCommandRunner(store, TimeProvider.System);
            var credential = SshCredential.WithPrivateKey(parts[2], await File.ReadAllTextAsync(parts[4]));
            var request = new SshCommandRequest(parts[0], credential, "true") { Port = int.Parse(parts[1], CultureInfo.InvariantCulture), TrustOnFirstUse = true };
            Console.WriteLine($"SSH scenario against {request.Endpoint} ({Environment.ProcessorCount} cores, .NET {Environment.Version})");

            var clock = Stopwatch.StartNew();
            Check(await runner.RunAsync(request, CancellationToken.None));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first command (connect + key exchange + ed25519 auth + command): {clock.Elapsed.TotalMilliseconds:0.0} ms"));

            var latencies = new List<double>(Sequential);
            clock.Restart();
            for (var i = 0; i < Sequential; i++)
            {
                var one = Stopwatch.StartNew();
                Check(await runner.RunAsync(request, CancellationToken.None));
                latencies.Add(one.Elapsed.TotalMilliseconds);
            }

            Report($"sequential, {Sequential} commands", Sequential, clock.Elapsed, latencies);

            var concurrent = new System.Collections.Concurrent.ConcurrentBag<double>();
            clock.Restart();
            await Task.WhenAll(Enumerable.Range(0, Callers).Select(async _ =>
            {
                for (var i = 0; i < PerCaller; i++)
                {
                    var one = Stopwatch.StartNew();
                    Check(await runner.RunAsync(request, CancellationToken.None));
                    concurrent.Add(one.Elapsed.TotalMilliseconds);
                }
            }));
            Report($"{Callers} concurrent callers, {Callers * PerCaller} commands", Callers * PerCaller, clock.Elapsed, concurrent);
            Console.WriteLine($"pooled connections: {runner.ConnectionCount}");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Check(SshCommandResult result)
    {
        if (!result.Completed || result.ExitCode != 0)
        {
            throw new InvalidOperationException($"command failed: {result.Status} {result.Message}");
        }
    }

    private static void Report(string what, int commands, TimeSpan elapsed, IReadOnlyCollection<double> latencies) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{what}: {elapsed.TotalMilliseconds:0} ms = {commands / elapsed.TotalSeconds:0} commands/s; per command {Percentiles.Describe(latencies)}"));
}
