using MonitoringHost.Probes.Ssh;
using MonitoringHost.Runtime.Credentials;
using MonitoringHost.Runtime.Modules.Agentless;

namespace MonitoringHost.Runtime.Modules.Unix;

/// <summary>
/// Who a UNIX command runs as. The packs' configurations read <c>$RunAs[Name="…ActionAccount"]/UserName$</c> and
/// <c>…/Password$</c>; the module takes the whole account of the profile the UserName token names, so a
/// username-and-password account (Basic or Windows) logs in with its password and an SSH key account with its key.
/// A configuration without a <c>$RunAs</c> token uses its literal UserName and Password when both are given, else
/// the module type's profile (the action or the privileged account). Decrypted for each run, never kept.
/// </summary>
public sealed class UnixAccount
{
    private readonly Func<RunAsCredential>? _decrypt;
    private readonly SshCredential? _literal;
    private readonly string _description;

    private UnixAccount(Func<RunAsCredential>? decrypt, SshCredential? literal, string description)
    {
        _decrypt = decrypt;
        _literal = literal;
        _description = description;
    }

    /// <summary>
    /// The account for a module made from <paramref name="setup"/>. Throws <see cref="RunAsResolutionException"/>
    /// when the profile has no account for the target or its account cannot log in over SSH.
    /// </summary>
    public static UnixAccount For(ModuleSetup setup, string? userName, string? password, string defaultProfile)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (userName is not null && RunAsReference.Token().Match(userName) is { Success: true } token)
        {
            var profile = token.Groups["name"].Value;
            var binding = setup.Credentials.Bindings.FirstOrDefault(b => b.Profile == profile)
                ?? throw new RunAsResolutionException(profile, setup.Target.Path, "the module's configuration names it but it was not resolved");
            Check(binding, setup);
            var credentials = setup.Credentials;
            return new UnixAccount(() => credentials.Get(profile), null, binding.ToString());
        }

        if (userName is { Length: > 0 } && password is { Length: > 0 } && !password.Contains("$RunAs[", StringComparison.Ordinal))
        {
            return new UnixAccount(null, SshCredential.WithPassword(userName, password), $"user {userName} given in the configuration");
        }

        var account = AgentlessAccount.Resolve(setup, defaultProfile);
        Check(account.Binding, setup);
        return new UnixAccount(account.Decrypt, null, account.Binding.ToString());
    }

    /// <summary>The SSH credential, decrypted now: hand it to the SSH runner and do not keep it.</summary>
    public SshCredential Credential()
    {
        if (_literal is not null)
        {
            return _literal;
        }

        var credential = _decrypt!();
        var user = credential.UserName is { Length: > 0 } name ? name : throw new InvalidOperationException($"{_description}: the account has no UserName");
        if (credential.PrivateKey is { Length: > 0 } key)
        {
            return SshCredential.WithPrivateKey(user, key, credential.Passphrase);
        }

        return credential.Password is { Length: > 0 } secret
            ? SshCredential.WithPassword(user, secret)
            : throw new InvalidOperationException($"{_description}: the account has neither a private key nor a password");
    }

    /// <summary>Which account (by name and assignment); never a secret.</summary>
    public override string ToString() => _description;

    private static void Check(RunAsBinding binding, ModuleSetup setup)
    {
        if (binding.Kind is not (RunAsAccountKind.Basic or RunAsAccountKind.Windows or RunAsAccountKind.SshKey or RunAsAccountKind.Generic))
        {
            throw new RunAsResolutionException(binding.Profile, setup.Target.Path,
                $"it resolves to Run As account {binding.AccountName} ({binding.Kind}), which cannot log in over SSH (use a Basic or Windows account with a password, or an SshKey account)");
        }
    }
}
