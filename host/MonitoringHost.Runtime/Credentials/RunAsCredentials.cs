using System.Collections.Frozen;
using MonitoringHost.Discovery.Instances;

namespace MonitoringHost.Runtime.Credentials;

/// <summary>
/// The Run As credentials one module instance may use: the profiles its configuration names, each already resolved
/// to an account for the instance's target. Secrets are decrypted on each call, during a run, and are never part of
/// the module's configuration: the configuration keeps its <c>$RunAs[…]$</c> tokens, so configuration text that ends
/// up in an error message or a log holds no secret. Use the values for the call that needs them and do not keep them.
/// </summary>
public sealed class RunAsCredentials
{
    private readonly RunAsResolver? _resolver;
    private readonly FrozenDictionary<string, RunAsBinding> _bindings;
    private readonly string _targetPath;

    private RunAsCredentials(RunAsResolver? resolver, FrozenDictionary<string, RunAsBinding> bindings, string targetPath)
    {
        _resolver = resolver;
        _bindings = bindings;
        _targetPath = targetPath;
    }

    /// <summary>For a module whose configuration names no Run As profile.</summary>
    public static RunAsCredentials None { get; } = new(null, FrozenDictionary<string, RunAsBinding>.Empty, "");

    /// <summary>The profiles resolved for this module, with the account each resolved to.</summary>
    public IReadOnlyCollection<RunAsBinding> Bindings => _bindings.Values;

    /// <summary>
    /// Resolves every profile <paramref name="references"/> name for <paramref name="target"/> and checks the account
    /// has each field asked for (unless <paramref name="checkFields"/> is false: a module that takes whole accounts);
    /// throws <see cref="RunAsResolutionException"/> naming the first that fails.
    /// </summary>
    public static RunAsCredentials Bind(RunAsResolver? resolver, IReadOnlyList<RunAsReference> references, MonitoringObject target, bool checkFields = true)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(target);
        if (references.Count == 0)
        {
            return None;
        }

        var bindings = new Dictionary<string, RunAsBinding>(StringComparer.Ordinal);
        foreach (var reference in references)
        {
            if (!bindings.TryGetValue(reference.Profile, out var binding))
            {
                binding = resolver?.Resolve(reference.Profile, target)
                    ?? throw new RunAsResolutionException(reference.Profile, target.Path, "this host has no Run As accounts configured");
                bindings[reference.Profile] = binding;
            }

            if (checkFields && RunAsFields.Of(binding.Kind) is { } fields && !fields.Contains(reference.Field))
            {
                throw new RunAsResolutionException(reference.Profile, target.Path,
                    $"it resolves to Run As account {binding.AccountName} ({binding.Kind}), which has no {reference.Field} (it has {string.Join(", ", fields)})");
            }
        }

        return new RunAsCredentials(resolver, bindings.ToFrozenDictionary(StringComparer.Ordinal), target.Path);
    }

    /// <summary>The credential <paramref name="profile"/> resolves to, decrypted now.</summary>
    public RunAsCredential Get(string profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return _bindings.TryGetValue(profile, out var binding) && _resolver is not null
            ? _resolver.Decrypt(binding, _targetPath)
            : throw new RunAsResolutionException(profile, _targetPath, "the module's configuration does not name this profile");
    }

    /// <summary>
    /// <paramref name="text"/> (a configuration value) with its <c>$RunAs[Name="…"]/Field$</c> tokens replaced by the
    /// fields of the resolved accounts, each account decrypted once. An optional field the account lacks gives empty
    /// text; so does any field of a generic account that does not have it.
    /// </summary>
    public string Substitute(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decrypted = new Dictionary<string, RunAsCredential>(StringComparer.Ordinal);
        return RunAsReference.Replace(text, reference =>
        {
            if (!decrypted.TryGetValue(reference.Profile, out var credential))
            {
                decrypted[reference.Profile] = credential = Get(reference.Profile);
            }

            return credential.Field(reference.Field) ?? "";
        });
    }

    public override string ToString() =>
        _bindings.Count == 0 ? "no Run As profiles" : string.Join("; ", _bindings.Values.Select(b => b.ToString()));
}
