using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Groups;
using MonitoringHost.Discovery.Identity;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Runtime.Compilation;
using MonitoringHost.Runtime.Hosting;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Tests.Hosting;
using MonitoringHost.Storage;

namespace MonitoringHost.Runtime.Tests.EndToEnd;

/// <summary>
/// The end-to-end test pack (Packs/Test.EndToEnd.xml) running in a workflow host with the default native modules,
/// over a real instance space (SQLite in a temp folder), against a real TCP listener on 127.0.0.1 and a port
/// nothing listens on, with a fake clock.
/// </summary>
internal sealed class EndToEndHarness : IAsyncDisposable
{
    public const string Computer = "web01.contoso.com";

    private readonly TcpListener _listener;
    private readonly string _folder;
    private readonly InstanceStore _store;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private EndToEndHarness(TcpListener listener, string folder, InstanceStore store, InstanceSpace space, FakeTimeProvider time, ClassCatalog classes)
    {
        _listener = listener;
        _folder = folder;
        _store = store;
        Space = space;
        Time = time;
        Classes = classes;
        _accepting = AcceptAsync();
    }

    public InstanceSpace Space { get; }

    public FakeTimeProvider Time { get; }

    public ClassCatalog Classes { get; }

    public RecordingSinks Sinks { get; } = new();

    public ConcurrentQueue<MonitorStateChange> StateChanges { get; } = new();

    public WorkflowHost Host { get; private set; } = null!;

    public Guid OpenEndpoint { get; private set; }

    public Guid ClosedEndpoint { get; private set; }

    public LoopbackWebServer Web { get; private set; } = null!;

    public GroupCalculator Groups { get; private set; } = null!;

    public static async Task<EndToEndHarness> StartAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var closedPort = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        // Ids are deterministic: compute the endpoints' from a first load, then fill them into the overrides.
        var template = await File.ReadAllTextAsync(RuntimeTestModel.Pack("Test.EndToEnd.xml"));
        var folder = Path.Combine(Path.GetTempPath(), $"mh-e2e-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var first = Load(folder, Fill(template, 1, 2, "http://127.0.0.1/", Guid.Empty, Guid.Empty));
        var open = EndpointId(first, "open");
        var closedId = EndpointId(first, "closed");
        var group = ObjectIdentity.ForObject(first.Class("Test.EndToEnd.ClosedEndpoints")!, new Dictionary<string, string>(), null);
        var web = new LoopbackWebServer();
        var classes = Load(folder, Fill(template, ((IPEndPoint)listener.LocalEndpoint).Port, closedPort, web.HealthUrl, open, group));

        var store = await InstanceStoreFactory.OpenAsync(new StoreOptions { Provider = StoreProvider.Sqlite, DataFolder = folder }, CancellationToken.None);
        var time = new FakeTimeProvider(RuntimeHarness.Start);
        var space = await InstanceSpace.OpenAsync(classes, store, time, CancellationToken.None);
        var harness = new EndToEndHarness(listener, folder, store, space, time, classes) { OpenEndpoint = open, ClosedEndpoint = closedId, Web = web };
        harness.Groups = new GroupCalculator(GroupDefinitionReader.Read(classes), recomputeInBackground: false);
        await harness.Groups.StartAsync(space, CancellationToken.None);
        var results = new WorkflowResults(new InstanceSpaceDiscoverySink(space));
        results.MonitorStateChanged += (_, change) => harness.StateChanges.Enqueue(change);
        var services = new RuntimeServices { Time = time, Classes = classes, Alerts = harness.Sinks, Discovery = new InstanceSpaceDiscoverySink(space), Collected = harness.Sinks };
        harness.Host = new WorkflowHost(space, new WorkflowCompiler(classes.Packs, ModuleCatalog.Default), services, results);
        await harness.Host.StartAsync(CancellationToken.None);
        return harness;
    }

    public Task DiscoverComputerAsync() =>
        Space.ApplyAsync(
            DiscoveryData.Snapshot(DiscoverySource.Sdk("tests"), [new ObjectData("Microsoft.Windows.Computer", new Dictionary<string, string?> { ["PrincipalName"] = Computer })]),
            CancellationToken.None);

    /// <summary>Moves the clock one second at a time and waits for the runs each tick starts (real probes included).</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        for (var step = TimeSpan.Zero; step < by; step += TimeSpan.FromSeconds(1))
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            await Host.WhenIdleAsync();
            if (Groups.HasPending)
            {
                await Groups.RecomputeAsync(CancellationToken.None);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Groups.DisposeAsync();
        Web.Dispose();
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Space.Dispose();
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
        _stop.Dispose();
    }

    private static string Fill(string template, int openPort, int closedPort, string url, Guid open, Guid group) => template
        .Replace("{{OpenPort}}", openPort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{{ClosedPort}}", closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{{HttpUrl}}", url, StringComparison.Ordinal)
        .Replace("{{OpenEndpointId}}", open.ToString("D"), StringComparison.Ordinal)
        .Replace("{{ClosedGroupId}}", group.ToString("D"), StringComparison.Ordinal);

    private static ClassCatalog Load(string folder, string pack)
    {
        var path = Path.Combine(folder, "Test.EndToEnd.xml");
        File.WriteAllText(path, pack);
        return RuntimeTestModel.Load(path);
    }

    private static Guid EndpointId(ClassCatalog classes, string name)
    {
        var computer = ObjectIdentity.ForObject(classes.Class("Microsoft.Windows.Computer")!, new Dictionary<string, string> { ["PrincipalName"] = Computer }, null);
        return ObjectIdentity.ForObject(classes.Class("Test.EndToEnd.Endpoint")!, new Dictionary<string, string> { ["Name"] = name }, computer);
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The test is over.
        }
    }
}
