using MonitoringHost.Probes.Http;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules.Agentless;

namespace MonitoringHost.Runtime.Modules.Probes;

/// <summary>
/// <c>MonitoringHost.Agentless.HttpRequestProbe</c>: on each trigger, requests Url and emits an
/// <see cref="HttpResponseData"/>. A Url whose host is a computer added to be managed without an agent connects to the
/// address it was added with; the URL itself (Host header, TLS server name) stays as given.
/// </summary>
public sealed class HttpRequestProbe(HttpRequestProbeConfiguration configuration, HttpCheck client, TimeProvider time, ProbeLimits limits) : ModuleInstance
{
    public HttpRequestProbeConfiguration Configuration { get; } = configuration;

    /// <summary>Where added computers are reached; null: the URL's host as given.</summary>
    public IAgentlessEndpoints? Endpoints { get; init; }

    public override async ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var slot = await limits.EnterAsync("http", Configuration.Request.Url.Host, cancellationToken).ConfigureAwait(false);
        var request = Configuration.Request;
        if (Endpoints?.AddressOf(request.Url.Host) is { } address)
        {
            request = request with { ConnectAddress = address };
        }

        var result = await client.CheckAsync(request, cancellationToken).ConfigureAwait(false);
        output.Emit(new HttpResponseData(time.GetUtcNow(), result));
    }
}
