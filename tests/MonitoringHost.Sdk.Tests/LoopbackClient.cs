using MonitoringHost.Storage;

namespace MonitoringHost.Sdk.Tests;

/// <summary>A real server on loopback with one discovered computer, and a client calling it with a key of one role.</summary>
internal sealed class LoopbackClient : IAsyncDisposable
{
    private LoopbackClient(LoopbackServer api, MonitoringHostClient client, Guid computer)
    {
        Api = api;
        Client = client;
        Computer = computer;
    }

    public LoopbackServer Api { get; }

    public MonitoringHostClient Client { get; }

    /// <summary>The id of the computer discovered on start.</summary>
    public Guid Computer { get; }

    public static async Task<LoopbackClient> StartAsync(string keyName, ApiRole role, string computer)
    {
        var api = await LoopbackServer.StartAsync();
        var client = api.ClientFor(await api.KeyAsync(keyName, role));
        return new LoopbackClient(api, client, await api.DiscoverComputerAsync(computer));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Api.DisposeAsync();
    }
}
