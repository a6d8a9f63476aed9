using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MonitoringHost.Discovery.Storage;
using MonitoringHost.Runtime.Credentials;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;

namespace MonitoringHost.Server;

/// <summary>
/// Run As accounts and profile assignments (<c>/api/v1/runas/…</c>): accounts are written by Administrators, their
/// values encrypted at once under the server's key and never answered or logged; Authors may read names and kinds.
/// Every change reloads the resolver; an assignment change also makes the instances of the objects it covers anew, so
/// they use it at once (a changed account's secret needs no new instance: it is decrypted at each run).
/// </summary>
internal static class RunAsEndpoints
{
    private const string Accounts = "/api/v1/runas/accounts";
    private const string Assignments = "/api/v1/runas/assignments";
    private static readonly ApiRole[] AccountReaders = [ApiRole.Author];

    public static void MapRunAs(this WebApplication app, ManagementServer server)
    {
        var store = CredentialStore.For(server.Store);

        app.MapPost(Accounts, async (HttpContext context) =>
        {
            var (body, problem) = await ApiJson.ReadAsync<RunAsAccountDefinition>(context).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var errors = new List<ProblemError>();
            if (string.IsNullOrWhiteSpace(body!.Name))
            {
                errors.Add(Problems.Field("name", "a Run As account needs a name"));
            }

            if (!Enum.TryParse<RunAsAccountKind>(body.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            {
                errors.Add(Problems.Field("kind", $"kind is one of {string.Join(", ", Enum.GetNames<RunAsAccountKind>())}; it was '{body.Kind}'"));
            }

            RunAsCredential? credential = null;
            if (errors.Count == 0)
            {
                try
                {
                    credential = RunAsCredential.FromFields(kind, body.Fields.Select(f => KeyValuePair.Create(FieldName(f.Key), f.Value)));
                }
                catch (ArgumentException e)
                {
                    errors.Add(Problems.Field("fields", Reason(e)));
                }
            }

            if (errors.Count > 0)
            {
                return Problems.Invalid(errors);
            }

            var id = body.Id ?? Guid.CreateVersion7(server.Options.Time.GetUtcNow());
            var existed = false;
            await server.ChangeCredentialsAsync(async () =>
            {
                existed = await store.ReadAccountAsync(id, context.RequestAborted).ConfigureAwait(false) is not null;
                await server.RunAs.SaveAccountAsync(new RunAsAccount(id, body.Name, credential!), context.RequestAborted).ConfigureAwait(false);
                await server.RunAsResolver.ReloadAsync(CancellationToken.None).ConfigureAwait(false);
            }, context.RequestAborted).ConfigureAwait(false);
            var saved = Shape((await store.ReadAccountAsync(id, context.RequestAborted).ConfigureAwait(false))!);
            return existed ? Results.Ok(saved) : Results.Created($"{Accounts}/{id}", saved);
        }).Reads<RunAsAccountDefinition>().Answers<RunAsAccountInfo>(StatusCodes.Status201Created).Allow();

        app.MapGet(Accounts, async (CancellationToken cancellationToken) =>
            Results.Ok(new ItemList<RunAsAccountInfo>([.. (await store.ReadAccountsAsync(cancellationToken).ConfigureAwait(false)).OrderBy(a => a.Name, StringComparer.Ordinal).Select(Shape)])))
            .Answers<ItemList<RunAsAccountInfo>>().Allow(AccountReaders);

        app.MapDelete(Accounts + "/{id:guid}", async (HttpContext context, Guid id) =>
        {
            var deleted = false;
            await server.ChangeCredentialsAsync(async () =>
            {
                deleted = await server.RunAs.DeleteAccountAsync(id, context.RequestAborted).ConfigureAwait(false);
                await server.RunAsResolver.ReloadAsync(CancellationToken.None).ConfigureAwait(false);
            }, context.RequestAborted).ConfigureAwait(false);
            return deleted ? Results.NoContent() : Problems.NotFound($"there is no Run As account {id}");
        }).Allow();

        app.MapGet(Assignments, async (CancellationToken cancellationToken) =>
            Results.Ok(new ItemList<RunAsProfileAssignment>([.. (await store.ReadAssignmentsAsync(cancellationToken).ConfigureAwait(false))
                .OrderBy(a => a.Profile, StringComparer.Ordinal).ThenBy(a => a.Scope).ThenBy(a => a.ScopeValue, StringComparer.Ordinal)
                .Select(a => new RunAsProfileAssignment(a.Profile, a.Scope.ToString().ToLowerInvariant(), a.ScopeValue, a.AccountId))])))
            .Answers<ItemList<RunAsProfileAssignment>>().Allow(AccountReaders);

        app.MapPut(Assignments, async (HttpContext context) =>
        {
            var (body, problem) = await ApiJson.ReadAsync<RunAsProfileAssignment>(context).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            if (Scope(body!.Scope) is not { } scope)
            {
                return Problems.Invalid("scope", $"scope is class, group or object; it was '{body.Scope}'");
            }

            if (scope == RunAsScope.Class && server.Classes.Class(body.Target ?? "") is null)
            {
                return Problems.Invalid("target", $"there is no class '{body.Target}'");
            }

            string? refused = null;
            await server.ChangeCredentialsAsync(async () =>
            {
                try
                {
                    await server.RunAs.AssignAsync(new RunAsAssignment(body.Profile ?? "", scope, body.Target ?? "", body.AccountId), context.RequestAborted).ConfigureAwait(false);
                }
                catch (ArgumentException e)
                {
                    refused = Reason(e);
                    return;
                }

                await server.RunAsResolver.ReloadAsync(CancellationToken.None).ConfigureAwait(false);
            }, context.RequestAborted).ConfigureAwait(false);
            if (refused is not null)
            {
                return Problems.Invalid("", refused);
            }

            server.Host.Rebind(Covered(server, scope, body.Target ?? ""));
            return Results.Ok(body);
        }).Reads<RunAsProfileAssignment>().Answers<RunAsProfileAssignment>().Allow();

        app.MapDelete(Assignments, async (HttpContext context, string? profile, string? scope, string? target) =>
        {
            if (profile is null || target is null || Scope(scope) is not { } parsed)
            {
                return Problems.Invalid("scope", "give profile, scope (class, group or object) and target");
            }

            var unassigned = false;
            await server.ChangeCredentialsAsync(async () =>
            {
                unassigned = await server.RunAs.UnassignAsync(profile, parsed, target, context.RequestAborted).ConfigureAwait(false);
                await server.RunAsResolver.ReloadAsync(CancellationToken.None).ConfigureAwait(false);
            }, context.RequestAborted).ConfigureAwait(false);
            if (!unassigned)
            {
                return Problems.NotFound($"{profile} has no {scope} assignment for {target}");
            }

            server.Host.Rebind(Covered(server, parsed, target));
            return Results.NoContent();
        }).Allow();
    }

    /// <summary>The objects an assignment of <paramref name="scope"/> on <paramref name="target"/> can apply to: their instances are made anew.</summary>
    private static IEnumerable<Guid> Covered(ManagementServer server, RunAsScope scope, string target) => scope switch
    {
        RunAsScope.Object => Guid.TryParse(target, out var id) ? [id] : [],
        RunAsScope.Group => Guid.TryParse(target, out var group) ? server.Space.OfClass("System.Entity").Where(o => server.Space.Contains(group, o.Id)).Select(o => o.Id) : [],
        _ => server.Space.OfClass(target).Select(o => o.Id),
    };

    private static RunAsScope? Scope(string? scope) =>
        Enum.TryParse<RunAsScope>(scope, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(scope, out _) ? parsed : null;

    /// <summary>A field as the credential names it (UserName…), whatever its case in the request.</summary>
    private static string FieldName(string name) =>
        new[] { RunAsFields.UserName, RunAsFields.Password, RunAsFields.Domain, RunAsFields.PrivateKey, RunAsFields.Passphrase, RunAsFields.CommunityString, RunAsFields.Certificate }
            .FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase)) ?? name;

    /// <summary>What the credential or vault refused, without the parameter name the exception appends (it names fields, never values).</summary>
    private static string Reason(ArgumentException e) => e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);

    private static RunAsAccountInfo Shape(StoredRunAsAccount a) => new(a.Id, a.Name, a.Kind, a.Modified);
}
