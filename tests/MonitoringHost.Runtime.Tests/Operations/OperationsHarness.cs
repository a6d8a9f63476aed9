using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Runtime.Compilation;
using MonitoringHost.Runtime.Hosting;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Operations;
using MonitoringHost.Runtime.Tests.Hosting;
using MonitoringHost.Storage;

namespace MonitoringHost.Runtime.Tests.Operations;

/// <summary>
/// The whole host but the API: a SQLite operational store in a temp folder, the instance space, the operations
/// engine and the workflow host over Packs/Test.Alerts.xml, on a fake clock. The service's port monitor checks a
/// real listener on 127.0.0.1 that tests open and close. <see cref="RestartAsync"/> stops everything and starts it
/// again on the same store, as a host restart does.
/// </summary>
internal sealed class OperationsHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<ClassCatalog> Catalog = new(() => RuntimeTestModel.Load(RuntimeTestModel.Pack("Test.Alerts.xml")));

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"mh-operations-{Guid.NewGuid():N}");
    private TcpListener? _listener;

    private OperationsHarness(int port) => Port = port;

    public FakeTimeProvider Time { get; } = new(Start);

    public int Port { get; }

    public InstanceStore InstanceStore { get; private set; } = null!;

    public OperationsStore Store { get; private set; } = null!;

    public InstanceSpace Space { get; private set; } = null!;

    public OperationsEngine Engine { get; private set; } = null!;

    public WorkflowHost Host { get; private set; } = null!;

    public Guid Computer => Space.OfClass("Microsoft.Windows.Computer").Single().Id;

    public Guid Service => Space.OfClass("Test.Alerts.Service").Single().Id;

    public static async Task<OperationsHarness> StartAsync()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var harness = new OperationsHarness(port);
        harness.Listen(true);
        await harness.OpenAsync();
        var computer = new ObjectData("Microsoft.Windows.Computer", new Dictionary<string, string?> { ["PrincipalName"] = "web01.contoso.com" });
        await harness.Space.ApplyAsync(DiscoveryData.Snapshot(DiscoverySource.Sdk("tests"),
            [computer, new ObjectData("Test.Alerts.Service", new Dictionary<string, string?> { ["ServiceName"] = "W3SVC", ["Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) }, computer)]), CancellationToken.None);
        return harness;
    }

    /// <summary>Opens or closes the port the service's monitor checks.</summary>
    public void Listen(bool open)
    {
        if (open && _listener is null)
        {
            _listener = new TcpListener(IPAddress.Loopback, Port);
            _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _listener.Start(100);
        }
        else if (!open && _listener is not null)
        {
            _listener.Stop();
            _listener = null;
        }
    }

    /// <summary>Moves the clock a second at a time and lets every run and every reported change be committed.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        for (var step = TimeSpan.Zero; step < by; step += TimeSpan.FromSeconds(1))
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            await Host.WhenIdleAsync();
        }

        await Engine.FlushAsync();
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        await OpenAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Listen(false);
        Directory.Delete(_folder, recursive: true);
    }

    private async Task OpenAsync()
    {
        InstanceStore = await InstanceStoreFactory.OpenAsync(new StoreOptions { Provider = StoreProvider.Sqlite, DataFolder = _folder }, CancellationToken.None);
        Store = OperationsStore.For(InstanceStore);
        Space = await InstanceSpace.OpenAsync(Catalog.Value, InstanceStore, Time, CancellationToken.None);
        Engine = new OperationsEngine(Space, Store, Time);
        var results = new WorkflowResults(new InstanceSpaceDiscoverySink(Space));
        var services = new RuntimeServices { Time = Time, Classes = Catalog.Value, Alerts = Engine, Discovery = new InstanceSpaceDiscoverySink(Space), Collected = new RecordingSinks() };
        Host = new WorkflowHost(Space, new WorkflowCompiler(Catalog.Value.Packs, ModuleCatalog.Default), services, results);
        await Engine.StartAsync(Host, results, CancellationToken.None);
        await Host.StartAsync(CancellationToken.None);
    }

    private async Task StopAsync()
    {
        await Host.DisposeAsync();
        await Engine.DisposeAsync();
        Space.Dispose();
        await InstanceStore.DisposeAsync();
    }
}
