using MonitoringHost.Discovery.Storage;

namespace MonitoringHost.Runtime.Credentials;

/// <summary>
/// Which account a Run As profile resolves to for one object, and through which assignment (the most specific one
/// that applies). Names only: the secret is decrypted when a module asks for it.
/// </summary>
public sealed record RunAsBinding(string Profile, Guid AccountId, string AccountName, RunAsAccountKind Kind, RunAsScope Scope, string ScopeValue)
{
    public override string ToString() => $"{Profile} → Run As account {AccountName} ({Kind}) by {Scope.ToString().ToLowerInvariant()} assignment {ScopeValue}";
}
