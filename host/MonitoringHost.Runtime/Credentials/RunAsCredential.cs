using System.Collections.Frozen;

namespace MonitoringHost.Runtime.Credentials;

/// <summary>
/// The decrypted secret of a Run As account: its fields by name. Hand it only to code that uses it and does not keep
/// or log it; <see cref="ToString"/> names the kind and the fields present, never a value.
/// </summary>
public sealed class RunAsCredential
{
    private readonly FrozenDictionary<string, string> _fields;

    private RunAsCredential(RunAsAccountKind kind, IEnumerable<KeyValuePair<string, string>> fields)
    {
        Kind = kind;
        _fields = fields.Where(f => f.Value is { Length: > 0 }).ToFrozenDictionary(StringComparer.Ordinal);
        var allowed = RunAsFields.Of(kind);
        if (allowed is not null && _fields.Keys.FirstOrDefault(k => !allowed.Contains(k)) is { } unexpected)
        {
            throw new ArgumentException($"a {kind} credential has no field {unexpected} (it has {string.Join(", ", allowed)})", nameof(fields));
        }

        if (RunAsFields.RequiredOf(kind).FirstOrDefault(r => !_fields.ContainsKey(r)) is { } missing)
        {
            throw new ArgumentException($"a {kind} credential needs a {missing}", nameof(fields));
        }
    }

    public RunAsAccountKind Kind { get; }

    /// <summary>The names of the fields that have a value.</summary>
    public IEnumerable<string> FieldNames => _fields.Keys;

    public string? UserName => Field(RunAsFields.UserName);

    public string? Password => Field(RunAsFields.Password);

    public string? Domain => Field(RunAsFields.Domain);

    public string? PrivateKey => Field(RunAsFields.PrivateKey);

    public string? Passphrase => Field(RunAsFields.Passphrase);

    public string? CommunityString => Field(RunAsFields.CommunityString);

    public string? Certificate => Field(RunAsFields.Certificate);

    public static RunAsCredential Windows(string userName, string password, string? domain = null) =>
        new(RunAsAccountKind.Windows, Pairs((RunAsFields.UserName, userName), (RunAsFields.Password, password), (RunAsFields.Domain, domain)));

    public static RunAsCredential Basic(string userName, string password, string? domain = null) =>
        new(RunAsAccountKind.Basic, Pairs((RunAsFields.UserName, userName), (RunAsFields.Password, password), (RunAsFields.Domain, domain)));

    public static RunAsCredential SshKey(string userName, string privateKey, string? passphrase = null) =>
        new(RunAsAccountKind.SshKey, Pairs((RunAsFields.UserName, userName), (RunAsFields.PrivateKey, privateKey), (RunAsFields.Passphrase, passphrase)));

    public static RunAsCredential SnmpCommunity(string communityString) =>
        new(RunAsAccountKind.SnmpCommunity, Pairs((RunAsFields.CommunityString, communityString)));

    /// <summary>A client certificate as base64 PKCS#12, and the password protecting it if any.</summary>
    public static RunAsCredential ClientCertificate(string pkcs12Base64, string? password = null) =>
        new(RunAsAccountKind.Certificate, Pairs((RunAsFields.Certificate, pkcs12Base64), (RunAsFields.Password, password)));

    public static RunAsCredential Generic(IReadOnlyDictionary<string, string> fields) =>
        new(RunAsAccountKind.Generic, fields ?? throw new ArgumentNullException(nameof(fields)));

    /// <summary>Rebuilds a credential from its fields (as decrypted); the kind's rules apply as when it was made.</summary>
    /// <summary>
    /// A credential of <paramref name="kind"/> from named fields (<see cref="RunAsFields"/>); throws
    /// <see cref="ArgumentException"/> naming a field the kind does not have or a required one missing.
    /// </summary>
    public static RunAsCredential FromFields(RunAsAccountKind kind, IEnumerable<KeyValuePair<string, string>> fields) => new(kind, fields);

    /// <summary>The value of <paramref name="name"/>, or null when the account has none.</summary>
    public string? Field(string name) => _fields.GetValueOrDefault(name);

    internal IEnumerable<KeyValuePair<string, string>> Fields => _fields;

    public override string ToString() => $"{Kind} credential ({string.Join(", ", _fields.Keys.Order(StringComparer.Ordinal))}; values hidden)";

    private static IEnumerable<KeyValuePair<string, string>> Pairs(params (string Name, string? Value)[] fields) =>
        fields.Where(f => f.Value is not null).Select(f => KeyValuePair.Create(f.Name, f.Value!));
}
