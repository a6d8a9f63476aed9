using BenchmarkDotNet.Running;
using MonitoringHost.Benchmarks;

// dotnet run -c Release --project benchmarks/MonitoringHost.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/MonitoringHost.Benchmarks -- instance-space [--postgres CONNECTION]
// dotnet run -c Release --project benchmarks/MonitoringHost.Benchmarks -- runtime [a] [b] [c] [d]
// dotnet run -c Release --project benchmarks/MonitoringHost.Benchmarks -- alerts
// dotnet run -c Release --project benchmarks/MonitoringHost.Benchmarks -- opstore [--postgres CONNECTION]
// dotnet run -c Release --project benchmarks/MonitoringHost.Benchmarks -- health
// dotnet run -c Release --project benchmarks/MonitoringHost.Benchmarks -- operations [--postgres CONNECTION]
// dotnet run -c Release --project benchmarks/MonitoringHost.Benchmarks -- api [--postgres CONNECTION]
// dotnet run -c Release --project benchmarks/MonitoringHost.Benchmarks -- connectors [--postgres CONNECTION]
// dotnet run -c Release --project benchmarks/MonitoringHost.Benchmarks -- snmp [--agent '127.0.0.1:PORT;COMMUNITY']
// dotnet run -c Release --project benchmarks/MonitoringHost.Benchmarks -- ssh [--target 'host;port;user;password;ed25519 key']
// dotnet run -c Release --project benchmarks/MonitoringHost.Benchmarks -- wsman
// dotnet run -c Release --project benchmarks/MonitoringHost.Benchmarks -- agentless [--computers N] [--minutes M] [--snmp 'IP:PORT;COMMUNITY'] [--ssh 'host;port;user;password;…']
if (args.FirstOrDefault() == MonitoringHost.Benchmarks.Runtime.ListenerProcess.Mode)
{
    return MonitoringHost.Benchmarks.Runtime.ListenerProcess.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
}

if (args.FirstOrDefault() == "runtime")
{
    return await MonitoringHost.Benchmarks.Runtime.RuntimeScenario.RunAsync(args);
}

if (args.FirstOrDefault() == "alerts")
{
    return MonitoringHost.Benchmarks.Alerts.AlertsScenario.Run();
}

if (args.FirstOrDefault() == "health")
{
    return await MonitoringHost.Benchmarks.Health.HealthScenario.RunAsync();
}

if (args.FirstOrDefault() == "instance-space")
{
    return await MonitoringHost.Benchmarks.InstanceSpace.InstanceSpaceScenario.RunAsync(args);
}

if (args.FirstOrDefault() == "operations")
{
    return await MonitoringHost.Benchmarks.Operations.OperationsEngineScenario.RunAsync(args);
}

if (args.FirstOrDefault() == "api")
{
    return await MonitoringHost.Benchmarks.Api.ApiScenario.RunAsync(args);
}

if (args.FirstOrDefault() == "connectors")
{
    return await MonitoringHost.Benchmarks.Connectors.ConnectorsScenario.RunAsync(args);
}

if (args.FirstOrDefault() == "snmp")
{
    return await MonitoringHost.Benchmarks.Snmp.SnmpScenario.RunAsync(args);
}

if (args.FirstOrDefault() == "ssh")
{
    return await MonitoringHost.Benchmarks.Ssh.SshScenario.RunAsync(args);
}

if (args.FirstOrDefault() == "wsman")
{
    return await MonitoringHost.Benchmarks.WsMan.WsManScenario.RunAsync();
}

if (args.FirstOrDefault() == "agentless")
{
    return await MonitoringHost.Benchmarks.Agentless.AgentlessScenario.RunAsync(args);
}

if (args.FirstOrDefault() == "opstore")
{
    return await MonitoringHost.Benchmarks.Operations.OperationsStoreScenario.RunAsync(args);
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(PackLoadBenchmarks).Assembly).Run(args);
foreach (var report in summaries.SelectMany(s => s.Reports).Where(r => r.ResultStatistics is not null))
{
    if (report.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(PackLoadBenchmarks.ReadAndValidateLargestCorpusPackWithLibraries))
    {
        var seconds = report.ResultStatistics!.Mean / 1e9;
        var megabytes = PackLoadBenchmarks.TotalBytes() / (1024.0 * 1024.0);
        Console.WriteLine($"Throughput: {megabytes:0.000} MB of pack XML in {seconds * 1000:0.00} ms = {megabytes / seconds:0.0} MB/s on one core");
    }
}

return 0;
