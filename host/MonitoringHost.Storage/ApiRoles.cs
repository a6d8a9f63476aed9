namespace MonitoringHost.Storage;

/// <summary>The names of the <see cref="ApiRole"/>s, as stored and as typed by an administrator.</summary>
public static class ApiRoles
{
    /// <summary>Every role's name, in declaration order.</summary>
    public static IReadOnlyList<string> Names { get; } = Enum.GetNames<ApiRole>();

    /// <summary>The role named <paramref name="name"/> (case-insensitive); an unknown name fails listing the roles.</summary>
    public static ApiRole Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        // By name only: Enum.Parse would also take numbers ("2") and lists ("Author, Operator").
        foreach (var known in Names)
        {
            if (string.Equals(known, name, StringComparison.OrdinalIgnoreCase))
            {
                return Enum.Parse<ApiRole>(known);
            }
        }

        throw new ArgumentException($"unknown role '{name}'; the roles are {string.Join(", ", Names)}", nameof(name));
    }

    /// <summary>Fails, listing the roles, unless <paramref name="role"/> is one of them.</summary>
    public static ApiRole Require(ApiRole role) =>
        Enum.IsDefined(role) ? role : throw new ArgumentOutOfRangeException(nameof(role), role, $"unknown role {(int)role}; the roles are {string.Join(", ", Names)}");
}
