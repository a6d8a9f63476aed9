using MonitoringHost.Sdk.Contracts;

namespace MonitoringHost.Sdk;

public sealed partial class MonitoringHostClient
{
    /// <summary>Adds a computer to manage without an agent, or replaces the one with its name (<c>POST /computers</c>).</summary>
    /// <param name="computer">Its name, protocol, where it is reached and with which Run As account.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The computer as stored.</returns>
    public Task<ManagedComputerInfo> AddComputerAsync(ManagedComputerDefinition computer, CancellationToken cancellationToken = default) =>
        SendAsync<ManagedComputerInfo>(HttpMethod.Post, "computers", Json(computer), cancellationToken);

    /// <summary>The agentless-managed computers, by name, with how they answered lately (<c>GET /computers</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Every added computer.</returns>
    public async Task<IReadOnlyList<ManagedComputerInfo>> ListComputersAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync<ItemList<ManagedComputerInfo>>("computers", cancellationToken).ConfigureAwait(false)).Items;

    /// <summary>One agentless-managed computer (<c>GET /computers/{name}</c>).</summary>
    /// <param name="name">Its name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The computer.</returns>
    public Task<ManagedComputerInfo> GetComputerAsync(string name, CancellationToken cancellationToken = default) =>
        GetAsync<ManagedComputerInfo>($"computers/{Uri.EscapeDataString(name)}", cancellationToken);

    /// <summary>Stops managing a computer: removes its object (and what is hosted on it) and its Run As assignments (<c>DELETE /computers/{name}</c>).</summary>
    /// <param name="name">Its name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once it is removed.</returns>
    public async Task RemoveComputerAsync(string name, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Delete, $"computers/{Uri.EscapeDataString(name)}", null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Pings targets from the management server and tries their management ports (<c>POST /computers:sweep</c>).</summary>
    /// <param name="request">Names, addresses or IPv4 ranges, and the ports and timeout to use.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Per address: whether it answered the ping and the protocols whose port accepted a connection.</returns>
    public async Task<IReadOnlyList<ComputerSweepFinding>> SweepComputersAsync(ComputerSweepRequest request, CancellationToken cancellationToken = default) =>
        (await SendAsync<ItemList<ComputerSweepFinding>>(HttpMethod.Post, "computers:sweep", Json(request), cancellationToken).ConfigureAwait(false)).Items;
}
