using System.CommandLine;
using MonitoringHost.Cli.Api;
using MonitoringHost.Sdk.Contracts;

namespace MonitoringHost.Cli.Commands;

/// <summary><c>mh computer add|list|show|remove</c>: computers managed without an agent.</summary>
public static class ComputerCommand
{
    private static readonly string[] Columns = ["NAME", "PROTOCOL", "ENDPOINT", "CLASS", "STATUS", "MESSAGE"];

    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("computer", "Computers and devices managed without an agent (WS-Man, SSH, SNMP).");
        command.Subcommands.Add(Add(output, error));
        command.Subcommands.Add(List(output, error));
        command.Subcommands.Add(Show(output, error));
        command.Subcommands.Add(Remove(output, error));
        command.Subcommands.Add(Sweep(output, error));
        return command;
    }

    private static Command Add(TextWriter output, TextWriter error)
    {
        var name = new Argument<string>("name") { Description = "The computer's name (its principal name, or a device's key): what packs reach it by" };
        var protocol = new Option<string>("--protocol") { Description = "wsman (Windows), ssh (UNIX/Linux) or snmp (network device)", Required = true };
        var address = new Option<string?>("--address") { Description = "The address or DNS name to connect to (default: the name)" };
        var port = new Option<int?>("--port") { Description = "The port (default 5985, 5986 with --https, 22 or 161)" };
        var https = new Option<bool>("--https") { Description = "WS-Man over HTTPS" };
        var trust = new Option<bool>("--trust-on-first-use") { Description = "SSH: pin the host key the first time instead of refusing an unknown one" };
        var skip = new Option<bool>("--skip-certificate-check") { Description = "WS-Man over HTTPS: accept a certificate that does not verify" };
        var runAs = new Option<string?>("--runas") { Description = "The Run As account (id or name) to reach it with; assigned to the protocol's profile for this computer" };
        var type = new Option<string?>("--class") { Description = "A class derived from the protocol's computer class (Microsoft.Windows.Server.Computer…)" };
        var add = new Command("add", "Add a computer to manage without an agent (or replace the one with its name).") { name, protocol, address, port, https, trust, skip, runAs, type };
        var api = ApiOptions.AddTo(add, output, error);
        add.SetAction((result, cancellationToken) => api.RunAsync(result, async (client, json) =>
        {
            var added = await client.AddComputerAsync(
                new ManagedComputerDefinition(
                    result.GetValue(name)!, result.GetValue(protocol)!, result.GetValue(address), result.GetValue(port), result.GetValue(https),
                    result.GetValue(trust), result.GetValue(skip), result.GetValue(runAs), result.GetValue(type)),
                cancellationToken).ConfigureAwait(false);
            await (json
                ? api.PrintJsonAsync(added)
                : output.WriteLineAsync($"added {added.Class} {added.Name} over {added.Protocol} at {added.Address}:{added.Port} (object {added.ObjectId})")).ConfigureAwait(false);
        }));
        return add;
    }

    private static Command List(TextWriter output, TextWriter error)
    {
        var list = new Command("list", "List the agentless-managed computers and how they answered lately.");
        var api = ApiOptions.AddTo(list, output, error);
        list.SetAction((result, cancellationToken) => api.RunAsync(result, async (client, json) =>
        {
            var computers = await client.ListComputersAsync(cancellationToken).ConfigureAwait(false);
            await (json
                ? api.PrintJsonAsync(new ItemList<ManagedComputerInfo>(computers))
                : Table.WriteAsync(output, Columns, computers.Select(Row))).ConfigureAwait(false);
        }));
        return list;
    }

    private static Command Show(TextWriter output, TextWriter error)
    {
        var name = new Argument<string>("name") { Description = "The computer" };
        var show = new Command("show", "Show one agentless-managed computer.") { name };
        var api = ApiOptions.AddTo(show, output, error);
        show.SetAction((result, cancellationToken) => api.RunAsync(result, async (client, json) =>
        {
            var computer = await client.GetComputerAsync(result.GetValue(name)!, cancellationToken).ConfigureAwait(false);
            await (json ? api.PrintJsonAsync(computer) : Table.WriteAsync(output, Columns, [Row(computer)])).ConfigureAwait(false);
        }));
        return show;
    }

    private static Command Remove(TextWriter output, TextWriter error)
    {
        var name = new Argument<string>("name") { Description = "The computer" };
        var remove = new Command("remove", "Stop managing a computer: its object, what is hosted on it and its Run As assignments go.") { name };
        var api = ApiOptions.AddTo(remove, output, error);
        remove.SetAction((result, cancellationToken) => api.RunAsync(result, async (client, _) =>
        {
            await client.RemoveComputerAsync(result.GetValue(name)!, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"removed {result.GetValue(name)}").ConfigureAwait(false);
        }));
        return remove;
    }

    private static Command Sweep(TextWriter output, TextWriter error)
    {
        var targets = new Argument<string[]>("targets") { Description = "Names, addresses or IPv4 ranges (10.0.0.1-40)", Arity = ArgumentArity.OneOrMore };
        var timeout = new Option<int?>("--timeout") { Description = "Milliseconds to wait for each ping and connection" };
        var wsMan = new Option<int?>("--wsman-port") { Description = "The WS-Man HTTP port to try (5985)" };
        var wsManHttps = new Option<int?>("--wsman-https-port") { Description = "The WS-Man HTTPS port to try (5986)" };
        var ssh = new Option<int?>("--ssh-port") { Description = "The SSH port to try (22)" };
        var sweep = new Command("sweep", "Ping addresses from the management server, try their WS-Man and SSH ports, and propose the computers to add.") { targets, timeout, wsMan, wsManHttps, ssh };
        var api = ApiOptions.AddTo(sweep, output, error);
        sweep.SetAction((result, cancellationToken) => api.RunAsync(result, async (client, json) =>
        {
            var findings = await client.SweepComputersAsync(new ComputerSweepRequest(result.GetValue(targets)!, result.GetValue(wsMan), result.GetValue(wsManHttps), result.GetValue(ssh), result.GetValue(timeout)), cancellationToken).ConfigureAwait(false);
            if (json)
            {
                await api.PrintJsonAsync(new ItemList<ComputerSweepFinding>(findings)).ConfigureAwait(false);
                return;
            }

            await Table.WriteAsync(output, ["TARGET", "ADDRESS", "PING", "PROTOCOLS", "TO ADD"], findings.Select(f => (IReadOnlyList<string?>)[
                f.Target, f.Address, f.Pings ? "yes" : "no", string.Join(",", f.Protocols),
                Proposal(f)])).ConfigureAwait(false);
        }));
        return sweep;
    }

    /// <summary>The command that adds what a sweep found: WS-Man first (HTTP, else HTTPS), else SSH.</summary>
    private static string? Proposal(ComputerSweepFinding finding) =>
        finding.Protocols.Contains("wsman") ? $"mh computer add {finding.Target} --protocol wsman"
        : finding.Protocols.Contains("wsman-https") ? $"mh computer add {finding.Target} --protocol wsman --https"
        : finding.Protocols.Contains("ssh") ? $"mh computer add {finding.Target} --protocol ssh"
        : null;

    private static IReadOnlyList<string?> Row(ManagedComputerInfo c) =>
        [c.Name, c.Protocol, $"{c.Address}:{c.Port}", c.Class, c.Reachability?.Status ?? "not tried yet", c.Reachability?.Message];
}
