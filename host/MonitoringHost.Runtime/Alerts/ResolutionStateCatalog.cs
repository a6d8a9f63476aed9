namespace MonitoringHost.Runtime.Alerts;

/// <summary>
/// The resolution states alerts can be in: 0 New and 255 Closed (fixed), the built-ins Operations Manager has had
/// since 2012 R2 (247 Awaiting Evidence, 248 Assigned to Engineering, 249 Acknowledged, 250 Scheduled, 254 Resolved),
/// and custom ones with codes 1–254. Codes and names are unique (names compared ignoring case).
/// </summary>
internal sealed class ResolutionStateCatalog
{
    public static readonly IReadOnlyList<ResolutionState> BuiltIn =
    [
        new(Alert.New, "New"),
        new(247, "Awaiting Evidence"),
        new(248, "Assigned to Engineering"),
        new(249, "Acknowledged"),
        new(250, "Scheduled"),
        new(254, "Resolved"),
        new(Alert.Closed, "Closed"),
    ];

    private readonly SortedDictionary<int, ResolutionState> _byCode = [];

    public ResolutionStateCatalog() => Reset([]);

    public IReadOnlyList<ResolutionState> All => [.. _byCode.Values];

    public bool IsDefined(int code) => _byCode.ContainsKey(code);

    public ResolutionState? Find(int code) => _byCode.GetValueOrDefault(code);

    /// <summary>The built-ins and <paramref name="stored"/> (the store's custom states; 0 and 255 keep their names).</summary>
    public void Reset(IEnumerable<ResolutionState> stored)
    {
        _byCode.Clear();
        foreach (var state in BuiltIn)
        {
            _byCode[state.Code] = state;
        }

        foreach (var state in stored.Where(s => s.Code is > Alert.New and < Alert.Closed))
        {
            _byCode[state.Code] = state;
        }
    }

    /// <summary>Adds a custom state; a code outside 1–254 or an empty name is refused, a code or name in use conflicts.</summary>
    public ResolutionState Add(int code, string name)
    {
        var problems = new List<string>();
        if (code is <= Alert.New or >= Alert.Closed)
        {
            problems.Add($"resolution state code {code} is outside 1–254 (0 New and 255 Closed are fixed)");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add($"resolution state {code} needs a name");
        }

        if (problems.Count > 0)
        {
            throw new InvalidAlertChangeException(problems);
        }

        var state = new ResolutionState(code, name.Trim());
        var existing = _byCode.GetValueOrDefault(code) ?? _byCode.Values.FirstOrDefault(s => string.Equals(s.Name, state.Name, StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
        {
            throw new ResolutionStateConflictException(state, existing);
        }

        _byCode.Add(code, state);
        return state;
    }

    /// <summary>The problem with <paramref name="code"/>, naming the states there are; null when it is defined.</summary>
    public string? Problem(int code) => IsDefined(code)
        ? null
        : $"resolution state {code} is not defined; the defined states are {string.Join(", ", _byCode.Values.Select(s => $"{s.Code} {s.Name}"))}";
}
