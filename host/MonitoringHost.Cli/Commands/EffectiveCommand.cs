using System.CommandLine;
using System.Globalization;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.ManagementPacks.Libraries;
using MonitoringHost.ManagementPacks.Loading;
using MonitoringHost.Runtime.Compilation;
using MonitoringHost.Runtime.Hosting;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Storage;

namespace MonitoringHost.Cli.Commands;

/// <summary>
/// <c>mh workflows effective &lt;object&gt; [packs…]</c>: for one object of the operational store, every workflow that
/// targets its class: whether it runs here and why not, and each overrideable setting with its value and the
/// override that set it. Reads the store; runs nothing. Exit 0, 1 (the object or the packs have problems), 2 (usage).
/// </summary>
public static class EffectiveCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var target = new Argument<string>("object") { Description = "The object: its id, its path (web01.contoso.com;Shop) or its display name" };
        var packs = new Argument<string[]>("packs") { Description = "The imported packs (files or folders) besides the shipped libraries", Arity = ArgumentArity.ZeroOrMore };
        var data = new Option<string?>("--data") { Description = $"The folder of the SQLite store (default: {StoreOptions.DefaultDataFolder})" };
        var postgres = new Option<string?>("--postgres") { Description = "A PostgreSQL connection string instead of the SQLite file" };
        var command = new Command("effective", "Show, per workflow, whether it runs for an object, its effective parameters and which override set each.")
        {
            target, packs, data, postgres,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var libraries = ShippedLibraries.Locate();
            if (libraries is null)
            {
                await error.WriteLineAsync("error: the shipped library packs were not found beside mh").ConfigureAwait(false);
                return 2;
            }

            var loaded = PackSetLoader.Load(result.GetValue(packs) ?? [], ShippedLibraries.Read(libraries).Packs);
            if (loaded.HasErrors)
            {
                foreach (var problem in loaded.Problems.Where(p => p.IsError))
                {
                    await error.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
                }

                return 1;
            }

            var options = result.GetValue(postgres) is { } connection
                ? new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = connection }
                : new StoreOptions { DataFolder = result.GetValue(data) ?? StoreOptions.DefaultDataFolder };
            var classes = new ClassCatalog(loaded.Packs);
            var store = await InstanceStoreFactory.OpenAsync(options, cancellationToken).ConfigureAwait(false);
            await using (store.ConfigureAwait(false))
            {
                using var space = await InstanceSpace.OpenAsync(classes, store, TimeProvider.System, cancellationToken).ConfigureAwait(false);
                var name = result.GetValue(target)!;
                var found = Guid.TryParse(name, out var id) && space.Get(id) is { } byId
                    ? [byId]
                    : space.OfClass("System.Entity").Where(o => o.Path == name || o.DisplayName == name).ToList();
                if (found.Count != 1)
                {
                    await error.WriteLineAsync(found.Count == 0
                        ? $"error: no object has the id, path or display name '{name}'"
                        : $"error: {found.Count} objects have the path or display name '{name}'; give the id of one: {string.Join(", ", found.Select(o => o.Id))}").ConfigureAwait(false);
                    return 1;
                }

                var services = new RuntimeServices { Time = TimeProvider.System, Classes = classes, Alerts = InspectionOnly.Instance, Discovery = InspectionOnly.Instance, Collected = InspectionOnly.Instance };
                var host = new WorkflowHost(space, new WorkflowCompiler(loaded.Packs, ModuleCatalog.Default), services, InspectionOnly.Instance);
                await using (host.ConfigureAwait(false))
                {
                    Write(output, found[0], host.Effective(found[0]));
                }
            }

            return 0;
        });
        return command;
    }

    private static void Write(TextWriter output, MonitoringObject target, IReadOnlyList<EffectiveView> views)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{target.Path} ({target.ClassName}, {target.Id})"));
        foreach (var view in views.OrderBy(v => v.WorkflowId, StringComparer.Ordinal))
        {
            output.WriteLine(view.Runs ? $"{view.WorkflowId}: runs" : $"{view.WorkflowId}: does not run: {view.Reason}");
            foreach (var setting in view.Settings)
            {
                var name = setting.Module is null ? setting.Parameter : $"{setting.Module}/{setting.Parameter}";
                var source = setting.OverrideId is null
                    ? "from the pack"
                    : $"override {setting.OverrideId} ({setting.Level?.ToString().ToLowerInvariant()}{(setting.Enforced ? ", enforced" : "")})";
                output.WriteLine($"    {name} = {setting.Value ?? "(none)"}    {source}");
            }
        }
    }
}
