namespace MonitoringHost.Runtime.Overrides;

/// <summary>
/// One effective setting of a workflow for an object: Enabled, or a configuration parameter of one of its modules
/// (<see cref="Module"/> is null for a unit monitor's own parameters). <see cref="OverrideId"/> says which override
/// set it (<c>Pack!Override</c>), or null when it is the pack's own value.
/// </summary>
public sealed record EffectiveSetting(string? Module, string Parameter, string? Value, string? OverrideId, OverrideLevel? Level, bool Enforced);
