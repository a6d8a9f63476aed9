using MonitoringHost.Runtime.Credentials;

namespace MonitoringHost.Runtime.Modules.Agentless;

/// <summary>
/// The Run As account a protocol module connects with, resolved for its target when the instance is made (so a
/// missing assignment keeps the instance from loading, with the reason) and decrypted only during a run. Profile:
/// the one the module's configuration names with a <c>$RunAs[…]$</c> token, else the module type's, else the
/// protocol's (<see cref="AgentlessProtocols.DefaultProfile"/>).
/// </summary>
public sealed class AgentlessAccount
{
    private readonly RunAsResolver _resolver;
    private readonly string _targetPath;

    private AgentlessAccount(RunAsResolver resolver, RunAsBinding binding, string targetPath)
    {
        _resolver = resolver;
        Binding = binding;
        _targetPath = targetPath;
    }

    public RunAsBinding Binding { get; }

    /// <summary>Resolves <paramref name="profile"/> (<c>Pack!SecureReference</c>) for the module's target.</summary>
    /// <exception cref="RunAsResolutionException">No credential store, an undeclared profile, or no account for the target.</exception>
    public static AgentlessAccount Resolve(ModuleSetup setup, string profile)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentException.ThrowIfNullOrEmpty(profile);
        var resolver = setup.Services.RunAs
            ?? throw new RunAsResolutionException(profile, setup.Target.Path, "this host has no Run As accounts (no credential store)");
        return new AgentlessAccount(resolver, resolver.Resolve(profile, setup.Target), setup.Target.Path);
    }

    /// <summary>The account's secret as it is now; hand it to the protocol client and do not keep or log it.</summary>
    public RunAsCredential Decrypt() => _resolver.Decrypt(Binding, _targetPath);

    public override string ToString() => Binding.ToString();
}
