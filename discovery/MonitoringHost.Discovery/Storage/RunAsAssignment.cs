namespace MonitoringHost.Discovery.Storage;

/// <summary>
/// A Run As profile (<c>Pack!SecureReference</c>) mapped to an account for a class (<see cref="ScopeValue"/> is the
/// class ID), a group or an object (its GUID, format <c>D</c>).
/// </summary>
public sealed record RunAsAssignment(string Profile, RunAsScope Scope, string ScopeValue, Guid AccountId);
