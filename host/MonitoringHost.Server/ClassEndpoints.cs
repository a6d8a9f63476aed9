using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Runtime.Criteria;
using MonitoringHost.Sdk.Contracts;
using ClassProperty = MonitoringHost.Sdk.Contracts.ClassProperty;

namespace MonitoringHost.Server;

/// <summary>
/// Classes of the running pack set (API.md "Classes and objects"): <c>GET /api/v1/classes</c> filtered by
/// <c>name=</c> (exact, case-insensitive) and <c>base=</c> (classes derived from it, at any depth) and <c>criteria=</c>, paged by name;
/// <c>GET /api/v1/classes/{name or id}</c>. Properties include inherited ones, with the class that declares each.
/// </summary>
internal static class ClassEndpoints
{

    public static void MapClasses(this WebApplication app, ManagementServer server)
    {
        app.MapGet("/api/v1/classes", async (HttpContext context, string? name, string? @base, int? limit, string? cursor) =>
        {
            var (filter, criteriaProblem) = await CriteriaQuery.ReadAsync(context, () => Task.FromResult(ClassCriteria.Schema())).ConfigureAwait(false);
            if (criteriaProblem is not null)
            {
                return criteriaProblem;
            }

            if (Problems.BadLimit(limit) is { } badLimit)
            {
                return badLimit;
            }

            var catalog = server.Classes;
            ClassInfo? baseClass = null;
            if (@base is not null && (baseClass = catalog.Class(@base)) is null)
            {
                return Problems.Result(StatusCodes.Status400BadRequest, "Bad Request", $"there is no class '{@base}' (base=)");
            }

            var take = limit ?? Problems.DefaultLimit;
            var packs = DeclaringPacks(catalog);
            var page = catalog.Classes
                .Where(c => name is null || string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
                .Where(c => baseClass is null || (c != baseClass && c.IsA(baseClass)))
                .Where(c => cursor is null || string.CompareOrdinal(c.Name, cursor) > 0)
                .OrderBy(c => c.Name, StringComparer.Ordinal)
                .Where(c => filter is null || filter(Item(c, packs)))
                .Take(take + 1)
                .ToList();
            var items = page.Take(take).ToList();
            return Results.Ok(new ListPage<MonitoringClass>([.. items.Select(c => Shape(c, packs))], page.Count > take ? items[^1].Name : null));
        }).Answers<Sdk.Contracts.ListPage<Sdk.Contracts.MonitoringClass>>().Allow(ApiAuth.Readers);

        app.MapGet("/api/v1/classes/{nameOrId}", (string nameOrId) =>
        {
            var catalog = server.Classes;
            var type = Guid.TryParse(nameOrId, out var id) ? catalog.Classes.FirstOrDefault(c => c.Id == id) : catalog.Class(nameOrId);
            return type is null
                ? Problems.NotFound($"there is no class '{nameOrId}'")
                : Results.Ok(Shape(type, DeclaringPacks(catalog)));
        }).Answers<Sdk.Contracts.MonitoringClass>().Allow(ApiAuth.Readers);
    }

    /// <summary>The pack that declares each class (the first, where two do).</summary>
    private static Dictionary<string, ManagementPack> DeclaringPacks(ClassCatalog catalog) =>
        catalog.Packs.All<ClassType>().Where(c => !c.Element.Extension).DistinctBy(c => c.Element.Id)
            .ToDictionary(c => c.Element.Id, c => c.Pack, StringComparer.Ordinal);

    private static ClassCriteriaItem Item(ClassInfo type, Dictionary<string, ManagementPack> packs)
    {
        var pack = packs.GetValueOrDefault(type.Name);
        return new ClassCriteriaItem(type, pack?.DisplayStringFor(type.Name)?.Name ?? type.Name, pack?.Id);
    }

    private static MonitoringClass Shape(ClassInfo type, Dictionary<string, ManagementPack> packs)
    {
        var item = Item(type, packs);
        var chain = type.SelfAndBases().Reverse().Select(c => c.Name).ToList();
        return new MonitoringClass(
            type.Id, type.Name, item.DisplayName, item.ManagementPack, type.Base?.Name, type.Abstract, type.Hosted, type.Singleton,
            [.. type.Properties.Values
                .OrderBy(p => chain.IndexOf(p.DeclaringClass))
                .ThenBy(p => p.Id, StringComparer.Ordinal)
                .Select(p => new ClassProperty(p.Id, p.Type, p.Key, p.DeclaringClass))]);
    }
}
