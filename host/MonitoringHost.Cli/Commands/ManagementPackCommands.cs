using System.CommandLine;
using System.Globalization;
using MonitoringHost.Cli.Api;
using MonitoringHost.Sdk.Contracts;

namespace MonitoringHost.Cli.Commands;

/// <summary>
/// <c>mh mp import|list|export|remove</c> (SCOM's Import-SCOMManagementPack and friends) on a running server;
/// <c>mh mp validate</c> (<see cref="ValidateCommand"/>) works offline.
/// </summary>
public static class ManagementPackCommands
{
    public static IEnumerable<Command> Create(TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("files") { Description = "Pack files (.xml)", Arity = ArgumentArity.OneOrMore };
        var validateOnly = new Option<bool>("--validate-only") { Description = "Let the server check them without importing" };
        var import = new Command("import", "Import packs, all or nothing.") { files, validateOnly };
        var importApi = ApiOptions.AddTo(import, output, error);
        import.SetAction((result, cancellationToken) => importApi.RunAsync(result, async (client, json) =>
        {
            var paths = result.GetValue(files)!;
            if (paths.FirstOrDefault(p => !File.Exists(p)) is { } missing)
            {
                throw new UsageException($"there is no file {missing}");
            }

            var bytes = paths.Sum(p => new FileInfo(p).Length);
            var validating = result.GetValue(validateOnly);
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{(validating ? "validating" : "importing")} {paths.Length} pack(s), {bytes / 1024.0:0.#} KB, on {client.Server} …")).ConfigureAwait(false);
            var imported = await client.ImportManagementPacksAsync(paths, validating, cancellationToken).ConfigureAwait(false);
            await (json
                ? importApi.PrintJsonAsync(new ItemList<ManagementPackImported>(imported))
                : Table.WriteAsync(output, ["NAME", "VERSION", "SEALED", "ELEMENTS", "ID"], imported.Select(p => (IReadOnlyList<string?>)
                    [p.Name, p.Version, p.Sealed ? "yes" : "no", p.ElementCounts.Values.Sum().ToString(CultureInfo.InvariantCulture), p.Id.ToString()]))).ConfigureAwait(false);
            await error.WriteLineAsync($"{imported.Count} pack(s) {(validating ? "valid; nothing imported" : "imported")}").ConfigureAwait(false);
        }));

        var list = new Command("list", "List the packs of the server.");
        var listApi = ApiOptions.AddTo(list, output, error);
        list.SetAction((result, cancellationToken) => listApi.RunAsync(result, async (client, json) =>
        {
            var packs = await client.ListManagementPacksAsync(cancellationToken).ConfigureAwait(false);
            await (json
                ? listApi.PrintJsonAsync(new ListPage<ManagementPackInfo>(packs))
                : Table.WriteAsync(output, ["NAME", "VERSION", "SEALED", "ORIGIN", "IMPORTED", "DISPLAY NAME"], packs.Select(p => (IReadOnlyList<string?>)
                    [p.Name, p.Version, p.Sealed ? "yes" : "no", p.Origin, Table.Time(p.ImportedAt), p.DisplayName]))).ConfigureAwait(false);
        }));

        var name = new Argument<string>("name") { Description = "The pack's name" };
        var file = new Option<string?>("--output", "-o") { Description = "Write the XML to this file (default: standard output)" };
        var export = new Command("export", "Export a pack's XML as it was imported.") { name, file };
        var exportApi = ApiOptions.AddTo(export, output, error);
        export.SetAction((result, cancellationToken) => exportApi.RunAsync(result, async (client, _) =>
        {
            var xml = await client.ExportManagementPackAsync(result.GetValue(name)!, cancellationToken).ConfigureAwait(false);
            if (result.GetValue(file) is { } path)
            {
                await File.WriteAllBytesAsync(path, xml, cancellationToken).ConfigureAwait(false);
                await error.WriteLineAsync($"{result.GetValue(name)} written to {path}").ConfigureAwait(false);
                return;
            }

            using var reader = new StreamReader(new MemoryStream(xml), detectEncodingFromByteOrderMarks: true);
            await output.WriteAsync(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        }));

        var removeName = new Argument<string>("name") { Description = "The pack's name" };
        var remove = new Command("remove", "Remove a pack, its workflows and the objects only it defined.") { removeName };
        var removeApi = ApiOptions.AddTo(remove, output, error);
        remove.SetAction((result, cancellationToken) => removeApi.RunAsync(result, async (client, _) =>
        {
            await client.RemoveManagementPackAsync(result.GetValue(removeName)!, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"{result.GetValue(removeName)} removed").ConfigureAwait(false);
        }));

        return [import, list, export, remove];
    }
}
