using System.Globalization;
using System.Reflection;

namespace MonitoringHost.Storage.Migrations;

/// <summary>
/// One versioned schema script, embedded from <c>Migrations/{dialect}/NNNN_name.sql</c>. Scripts are applied in
/// version order, each once, and never edited after release: a change is a new script.
/// </summary>
internal sealed record MigrationScript(int Version, string Name, string Sql)
{
    private static readonly Assembly Assembly = typeof(MigrationScript).Assembly;

    /// <summary>The dialect's scripts in version order; versions must run 1, 2, 3… without gaps.</summary>
    public static IReadOnlyList<MigrationScript> For(string dialect)
    {
        var prefix = $"{typeof(MigrationScript).Namespace}.{dialect}.";
        var scripts = new List<MigrationScript>();
        foreach (var resource in Assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[prefix.Length..^".sql".Length];
            var separator = name.IndexOf('_', StringComparison.Ordinal);
            if (separator <= 0 || !int.TryParse(name.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"the migration script '{resource}' is not named NNNN_name.sql");
            }

            using var stream = Assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add(new MigrationScript(version, name, reader.ReadToEnd()));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Version != i + 1)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"the {dialect} migration scripts must be numbered 1, 2, 3… without gaps or repeats; found {string.Join(", ", scripts.Select(s => s.Name))}"));
            }
        }

        return scripts;
    }
}
