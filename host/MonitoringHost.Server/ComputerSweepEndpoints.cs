using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MonitoringHost.Probes.Sweep;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;

namespace MonitoringHost.Server;

/// <summary>
/// <c>POST /api/v1/computers:sweep</c>: pings the targets and tries their management ports from this management
/// server, and answers which protocols each answers on, to propose computers to manage (Administrator, Author).
/// </summary>
internal static class ComputerSweepEndpoints
{
    private const int DefaultTimeoutMilliseconds = 1_000;
    private const int MaxTimeoutMilliseconds = 10_000;

    public static void MapComputerSweep(this WebApplication app, ManagementServer server)
    {
        app.MapPost("/api/v1/computers:sweep", async (HttpContext context) =>
        {
            var (body, problem) = await ApiJson.ReadAsync<ComputerSweepRequest>(context).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var errors = new List<ProblemError>();
            IReadOnlyList<string> targets = [];
            try
            {
                targets = ComputerSweep.Expand(body!.Targets);
            }
            catch (FormatException e)
            {
                errors.Add(Problems.Field("targets", e.Message));
            }

            if (targets.Count == 0 && errors.Count == 0)
            {
                errors.Add(Problems.Field("targets", "give at least one target"));
            }

            foreach (var (path, port) in new[] { ("wsManPort", body!.WsManPort), ("wsManHttpsPort", body.WsManHttpsPort), ("sshPort", body.SshPort) })
            {
                if (port is < 1 or > 65535)
                {
                    errors.Add(Problems.Field(path, $"{path} is 1-65535; it was {port}"));
                }
            }

            if (body.TimeoutMilliseconds is < 1 or > MaxTimeoutMilliseconds)
            {
                errors.Add(Problems.Field("timeoutMilliseconds", $"timeoutMilliseconds is 1-{MaxTimeoutMilliseconds}; it was {body.TimeoutMilliseconds}"));
            }

            if (errors.Count > 0)
            {
                return Problems.Invalid(errors);
            }

            var ports = new SweepPorts(body.WsManPort ?? 5985, body.WsManHttpsPort ?? 5986, body.SshPort ?? 22);
            var findings = await new ComputerSweep(server.Options.Time).SweepAsync(
                targets, ports, TimeSpan.FromMilliseconds(body.TimeoutMilliseconds ?? DefaultTimeoutMilliseconds), context.RequestAborted).ConfigureAwait(false);
            return Results.Ok(new ItemList<ComputerSweepFinding>([.. findings.Select(f => new ComputerSweepFinding(f.Target, f.Address, f.Pings, f.Protocols))]));
        }).Reads<ComputerSweepRequest>().Answers<ItemList<ComputerSweepFinding>>().Allow(ApiRole.Author);
    }
}
