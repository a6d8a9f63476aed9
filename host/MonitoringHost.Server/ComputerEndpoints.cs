using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Identity;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Discovery.Storage;
using MonitoringHost.Runtime.Credentials;
using MonitoringHost.Runtime.Modules.Agentless;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;

namespace MonitoringHost.Server;

/// <summary>
/// Agentless-managed computers (<c>/api/v1/computers</c>, API.md "Agentless computers"). Adding one validates
/// everything first, then saves the computer with its Run As assignment in one transaction, then discovers its object
/// (claimed by the <c>sdk:agentless-computers</c> source) so that its workflows bind with the account and endpoint
/// already in place. Sending the same request again finishes an add that was cut short and replaces a computer of
/// the same name (its instances are made anew). Administrators and Authors add and remove computers; naming a Run
/// As account is an assignment, so it takes an Administrator.
/// </summary>
internal static class ComputerEndpoints
{
    private const string Computers = "/api/v1/computers";
    private const int MaxNameLength = 256;

    /// <summary>The discovery source that claims the objects of added computers.</summary>
    public static readonly DiscoverySource Source = DiscoverySource.Sdk("agentless-computers");

    public static void MapComputers(this WebApplication app, ManagementServer server)
    {
        var store = CredentialStore.For(server.Store);

        app.MapPost(Computers, async (HttpContext context) =>
        {
            var (body, problem) = await ApiJson.ReadAsync<ManagedComputerDefinition>(context).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var identity = ApiAuth.Identity(context);
            if (body!.RunAsAccount is not null && identity.Role != ApiRole.Administrator)
            {
                return Problems.Result(StatusCodes.Status403Forbidden, "Forbidden",
                    $"naming a Run As account assigns it, which needs the role Administrator; the key '{identity.Name}' has the role {identity.Role}");
            }

            var accounts = await store.ReadAccountsAsync(context.RequestAborted).ConfigureAwait(false);
            var errors = new List<ProblemError>();
            var computer = Validate(body, server.Classes, accounts, errors);
            if (errors.Count > 0)
            {
                return Problems.Invalid(errors);
            }

            computer = computer! with { Added = server.Options.Time.GetUtcNow(), AddedBy = identity.Name };
            var assignment = computer.RunAsAccountId is { } account
                ? new RunAsAssignment(AgentlessProtocols.DefaultProfile(computer.Protocol), RunAsScope.Object, computer.ObjectId.ToString("D"), account)
                : null;
            var existed = false;
            await server.ChangeCredentialsAsync(async () =>
            {
                existed = server.Computers.Find(computer.Name) is not null || server.Space.Get(computer.ObjectId) is not null;
                await server.Computers.SaveAsync(computer, assignment, context.RequestAborted).ConfigureAwait(false);
                if (existed)
                {
                    // A computer added again may have changed protocol or account: what the store now holds is the truth.
                    await server.RunAsResolver.ReloadAsync(CancellationToken.None).ConfigureAwait(false);
                }
                else if (assignment is not null)
                {
                    await server.RunAsResolver.AddAsync(assignment, CancellationToken.None).ConfigureAwait(false);
                }
            }, context.RequestAborted).ConfigureAwait(false);

            await server.Space.ApplyAsync(DiscoveryData.Incremental(Source, [ObjectOf(computer)]), context.RequestAborted).ConfigureAwait(false);
            if (existed)
            {
                server.Host.Rebind([computer.ObjectId]);
            }

            await server.Engine.FlushAsync().ConfigureAwait(false);
            var shaped = Shape(server, computer);
            return existed ? Results.Ok(shaped) : Results.Created($"{Computers}/{Uri.EscapeDataString(computer.Name)}", shaped);
        }).Reads<ManagedComputerDefinition>().Answers<ManagedComputerInfo>(StatusCodes.Status201Created).Allow(ApiRole.Author);

        app.MapGet(Computers, (HttpContext context) =>
            Results.Ok(new ItemList<ManagedComputerInfo>([.. server.Computers.Computers.Select(c => Shape(server, c))])))
            .Answers<ItemList<ManagedComputerInfo>>().Allow(ApiAuth.Readers);

        app.MapGet(Computers + "/{name}", (HttpContext context, string name) =>
            server.Computers.Find(name) is { } computer
                ? Results.Ok(Shape(server, computer))
                : Problems.NotFound($"there is no agentless-managed computer '{name}'"))
            .Answers<ManagedComputerInfo>().Allow(ApiAuth.Readers);

        app.MapDelete(Computers + "/{name}", async (HttpContext context, string name) =>
        {
            if (server.Computers.Find(name) is not { } computer)
            {
                return Problems.NotFound($"there is no agentless-managed computer '{name}'");
            }

            // The object first: should the request be cut short, the computer is still listed and DELETE again finishes.
            await server.Space.ApplyAsync(
                new DiscoveryData(DiscoveryMode.Incremental, Source, [], []) { RemovedObjects = [ObjectOf(computer)], RemovalsMustBeClaimed = true },
                context.RequestAborted).ConfigureAwait(false);
            await server.ChangeCredentialsAsync(async () =>
            {
                await server.Computers.DeleteAsync(computer, context.RequestAborted).ConfigureAwait(false);
                await server.RunAsResolver.ReloadAsync(CancellationToken.None).ConfigureAwait(false);
            }, context.RequestAborted).ConfigureAwait(false);
            await server.Engine.FlushAsync().ConfigureAwait(false);
            return Results.NoContent();
        }).Allow(ApiRole.Author);
    }

    /// <summary>The computer the request describes, or null with every problem in <paramref name="errors"/>.</summary>
    private static ManagedComputer? Validate(ManagedComputerDefinition body, ClassCatalog classes, IReadOnlyList<StoredRunAsAccount> accounts, List<ProblemError> errors)
    {
        var name = body.Name?.Trim() ?? "";
        if (name.Length == 0 || name.Length > MaxNameLength || name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '/'))
        {
            errors.Add(Problems.Field("name", $"a computer needs a name of 1 to {MaxNameLength} characters without spaces or '/'; it was '{body.Name}'"));
        }

        var protocol = body.Protocol?.Trim().ToLowerInvariant() ?? "";
        if (!AgentlessProtocols.IsKnown(protocol))
        {
            errors.Add(Problems.Field("protocol", $"protocol is wsman, ssh or snmp; it was '{body.Protocol}'"));
            return null;
        }

        var address = string.IsNullOrWhiteSpace(body.Address) ? name : body.Address.Trim();
        if (body.Address is not null && address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '/'))
        {
            errors.Add(Problems.Field("address", $"'{body.Address}' is not an address or DNS name"));
        }

        var port = body.Port ?? (protocol == AgentlessProtocols.WsMan && body.Https ? AgentlessProtocols.WsManHttpsPort : AgentlessProtocols.DefaultPort(protocol));
        if (port is < 1 or > 65535)
        {
            errors.Add(Problems.Field("port", $"{port} is not a port (1 to 65535)"));
        }

        if (body.Https && protocol != AgentlessProtocols.WsMan)
        {
            errors.Add(Problems.Field("https", "HTTPS is for wsman computers"));
        }

        if (body.SkipCertificateCheck && !(body.Https && protocol == AgentlessProtocols.WsMan))
        {
            errors.Add(Problems.Field("skipCertificateCheck", "skipping the certificate check is for wsman computers over HTTPS"));
        }

        if (body.TrustOnFirstUse && protocol != AgentlessProtocols.Ssh)
        {
            errors.Add(Problems.Field("trustOnFirstUse", "trust on first use is for ssh computers (their host keys)"));
        }

        var type = ClassOf(protocol, body.Class, classes, errors);
        var account = AccountOf(protocol, body.RunAsAccount, accounts, errors);
        if (errors.Count > 0 || type is null)
        {
            return null;
        }

        var key = type.KeyProperties[0].Id;
        return new ManagedComputer(name, protocol, address, port, type.Name, ObjectIdentity.ForObject(type, new Dictionary<string, string> { [key] = name }, null))
        {
            UseHttps = body.Https,
            TrustOnFirstUse = body.TrustOnFirstUse,
            SkipCertificateCheck = body.SkipCertificateCheck,
            RunAsAccountId = account?.Id,
        };
    }

    private static ClassInfo? ClassOf(string protocol, string? requested, ClassCatalog classes, List<ProblemError> errors)
    {
        var baseName = BaseClass(protocol);
        if (classes.Class(baseName) is not { } root)
        {
            errors.Add(Problems.Field("protocol", $"the pack set has no class {baseName}, which {protocol} computers are"));
            return null;
        }

        if (requested is null)
        {
            return root;
        }

        if (classes.Class(requested) is not { } type || !type.IsA(root) || type.Abstract || type.Hosted || type.KeyProperties.Length != 1)
        {
            errors.Add(Problems.Field("class", $"'{requested}' is not a class of {protocol} computers: it must be {baseName} or a concrete, unhosted class derived from it with no key of its own"));
            return null;
        }

        return type;
    }

    private static StoredRunAsAccount? AccountOf(string protocol, string? requested, IReadOnlyList<StoredRunAsAccount> accounts, List<ProblemError> errors)
    {
        if (requested is null)
        {
            return null;
        }

        var account = Guid.TryParse(requested, out var id)
            ? accounts.FirstOrDefault(a => a.Id == id)
            : accounts.FirstOrDefault(a => string.Equals(a.Name, requested, StringComparison.Ordinal));
        if (account is null)
        {
            errors.Add(Problems.Field("runAsAccount", $"there is no Run As account '{requested}' (give its id or name)"));
            return null;
        }

        string[] kinds = protocol switch
        {
            AgentlessProtocols.WsMan => [nameof(RunAsAccountKind.Windows), nameof(RunAsAccountKind.Basic)],
            AgentlessProtocols.Ssh => [nameof(RunAsAccountKind.Basic), nameof(RunAsAccountKind.SshKey), nameof(RunAsAccountKind.Windows)],
            _ => [nameof(RunAsAccountKind.SnmpCommunity)],
        };
        if (!kinds.Contains(account.Kind, StringComparer.Ordinal))
        {
            errors.Add(Problems.Field("runAsAccount", $"Run As account {account.Name} is a {account.Kind} account; {protocol} computers need one of the kinds {string.Join(", ", kinds)}"));
            return null;
        }

        return account;
    }

    private static string BaseClass(string protocol) => protocol switch
    {
        AgentlessProtocols.WsMan => "Microsoft.Windows.Computer",
        AgentlessProtocols.Ssh => "Microsoft.Unix.Computer",
        _ => "System.NetworkManagement.Node",
    };

    /// <summary>The computer's object as discovery data: its key, the names packs reach it by, its address.</summary>
    private static ObjectData ObjectOf(ManagedComputer computer)
    {
        var isAddress = IPAddress.TryParse(computer.Address, out _);
        Dictionary<string, string?> properties = computer.Protocol switch
        {
            AgentlessProtocols.Snmp => new()
            {
                ["DeviceKey"] = computer.Name,
                ["SNMPAddress"] = computer.Address,
                ["PortNumber"] = computer.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["SNMPVersion"] = "2c",
                ["AccessMode"] = "SNMP",
            },
            AgentlessProtocols.WsMan => new()
            {
                ["PrincipalName"] = computer.Name,
                ["NetworkName"] = computer.Name,
                ["DNSName"] = computer.Name,
                ["IPAddress"] = isAddress ? computer.Address : null,
            },
            _ => new()
            {
                ["PrincipalName"] = computer.Name,
                ["NetworkName"] = computer.Name,
                ["IPAddress"] = isAddress ? computer.Address : null,
            },
        };
        properties["DisplayName"] = computer.Name;
        return new ObjectData(computer.ClassName, properties);
    }

    private static ManagedComputerInfo Shape(ManagementServer server, ManagedComputer computer)
    {
        var endpoint = computer.Endpoint;
        var state = server.Agentless.Reachability.State(endpoint.Protocol, endpoint.HostKey);
        return new ManagedComputerInfo(
            computer.Name, computer.Protocol, computer.Address, computer.Port, computer.UseHttps, computer.TrustOnFirstUse, computer.SkipCertificateCheck,
            computer.ClassName, computer.ObjectId, computer.RunAsAccountId, AgentlessProtocols.DefaultProfile(computer.Protocol), computer.Added, computer.AddedBy,
            state is null ? null : new ComputerReachability(state.Reachable, state.Status, state.Message, state.ConsecutiveFailures, state.LastSuccess, state.LastFailure, state.RetryAfter));
    }
}
