using MonitoringHost.Probes.Http;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Probes;

/// <summary><c>MonitoringHost.Agentless.HttpRequestProbe</c>: on each trigger, requests Url and emits an <see cref="HttpResponseData"/>.</summary>
public sealed class HttpRequestProbe(HttpRequestProbeConfiguration configuration, HttpCheck client, TimeProvider time, ProbeLimits limits) : ModuleInstance
{
    public HttpRequestProbeConfiguration Configuration { get; } = configuration;

    public override async ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var slot = await limits.EnterAsync("http", Configuration.Request.Url.Host, cancellationToken).ConfigureAwait(false);
        var result = await client.CheckAsync(Configuration.Request, cancellationToken).ConfigureAwait(false);
        output.Emit(new HttpResponseData(time.GetUtcNow(), result));
    }
}
