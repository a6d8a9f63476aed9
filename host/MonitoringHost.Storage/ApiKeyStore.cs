using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using MonitoringHost.Storage.Postgres;
using MonitoringHost.Storage.Sqlite;

namespace MonitoringHost.Storage;

/// <summary>
/// The API keys in the operational store's database (table of <c>0005_api_keys.sql</c>), through the instance
/// store's connections and clock. A key is <c>mh_</c> and 32 random bytes in URL-safe base64; only its SHA-256 is
/// stored, so the key text exists only in what <see cref="CreateAsync"/> returns. Get the one of an instance store
/// with <see cref="For"/>.
/// </summary>
/// <remarks>
/// Authentication results are kept for <see cref="CacheLifetime"/>: a key presented on every request is read from
/// the database at most that often. A revocation through this store empties the cache at once; one made by another
/// process takes effect here within <see cref="CacheLifetime"/>. <c>last_used</c> is written at most once per
/// <see cref="LastUsedInterval"/> per key, by whichever process sees the key first after the interval.
/// </remarks>
public abstract class ApiKeyStore : CompanionStore
{
    /// <summary>What every key starts with, to tell a key from other secrets (and to spot one that leaked).</summary>
    public const string KeyPrefix = "mh_";

    /// <summary>How often <c>last_used</c> is written at most, per key.</summary>
    public static readonly TimeSpan LastUsedInterval = TimeSpan.FromMinutes(1);

    /// <summary>How long an authenticated key is trusted without reading its row again.</summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(10);

    private const int SecretBytes = 32;
    private const int PrefixSecretChars = 8;
    private const int MaxNameLength = 200;
    private static readonly int KeyLength = KeyPrefix.Length + Base64Url.GetEncodedLength(SecretBytes);
    private static readonly ConditionalWeakTable<InstanceStore, ApiKeyStore> Stores = [];

    // Keyed by the key's hash (hex), never its text.
    private readonly ConcurrentDictionary<string, (ApiKeyIdentity Identity, DateTimeOffset Checked)> _authenticated = new(StringComparer.Ordinal);
    private readonly Lock _revocation = new();
    private long _revocations;

    private protected ApiKeyStore(InstanceStore owner, InstanceStoreSql sql)
        : base(owner, sql)
    {
    }

    /// <summary>The API key store of <paramref name="store"/>'s database (its schema already brought up to date); one per instance store.</summary>
    public static ApiKeyStore For(InstanceStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Stores.GetValue(store, s => For<ApiKeyStore>(s, sqlite => new SqliteApiKeyStore(sqlite), postgres => new PostgresApiKeyStore(postgres)));
    }

    /// <summary>
    /// Creates a key named <paramref name="name"/> (unique among keys not revoked, not a GUID so that either names one
    /// key) in <paramref name="role"/>; a <see cref="ApiRole.Connector"/> key needs the <paramref name="connectorId"/>
    /// it is limited to, other roles take none. Returns the key text, this once, with its record.
    /// </summary>
    /// <exception cref="ApiKeyNameTakenException">A key not revoked has the name.</exception>
    public async Task<CreatedApiKey> CreateAsync(string name, ApiRole role, string createdBy, Guid? connectorId, CancellationToken cancellationToken)
    {
        ValidateName(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(createdBy);
        ApiRoles.Require(role);
        if ((role == ApiRole.Connector) != connectorId.HasValue)
        {
            throw new ArgumentException(
                role == ApiRole.Connector ? "a Connector key needs the id of the connector it is limited to" : $"only a Connector key is limited to a connector, not an {role} key",
                nameof(connectorId));
        }

        var key = NewKeyText();
        var record = new ApiKey(Guid.NewGuid(), name, role, connectorId, PrefixOf(key), StoredTime.Normalize(Time.GetUtcNow()), createdBy, null, null);
        try
        {
            await ExecuteAsync(cancellationToken, (ApiKeyStoreSql.Insert, c =>
            {
                Add(c, "@id", IdValue(record.Id));
                Add(c, "@name", record.Name);
                Add(c, "@role", record.Role.ToString());
                Add(c, "@connector_id", record.ConnectorId is { } connector ? IdValue(connector) : null);
                Add(c, "@key_hash", Hash(key));
                Add(c, "@prefix", record.Prefix);
                Add(c, "@created", Sql.TimeValue(record.Created));
                Add(c, "@created_by", record.CreatedBy);
            })).ConfigureAwait(false);
        }
        catch (DbException e) when (IsNameTaken(e))
        {
            throw new ApiKeyNameTakenException(name, e);
        }

        return new CreatedApiKey(key, record);
    }

    /// <summary>Who <paramref name="keyText"/> is, or null when it is no key, an unknown key or a revoked one.</summary>
    public async Task<ApiKeyIdentity?> AuthenticateAsync(string? keyText, CancellationToken cancellationToken)
    {
        if (keyText is null || keyText.Length != KeyLength || !keyText.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var hash = Hash(keyText);
        var cacheKey = Convert.ToHexString(hash);
        var now = Time.GetUtcNow();
        if (_authenticated.TryGetValue(cacheKey, out var cached) && now - cached.Checked < CacheLifetime)
        {
            return cached.Identity;
        }

        var revocations = Volatile.Read(ref _revocations);
        var candidates = await ReadAsync(
            ApiKeyStoreSql.SelectByPrefix, c => Add(c, "@prefix", PrefixOf(keyText)), r => (Key: ReadKey(r), Hash: r.GetFieldValue<byte[]>(9)), cancellationToken).ConfigureAwait(false);
        ApiKey? match = null;
        foreach (var candidate in candidates)
        {
            if (CryptographicOperations.FixedTimeEquals(candidate.Hash, hash))
            {
                match = candidate.Key;
            }
        }

        if (match is null)
        {
            _authenticated.TryRemove(cacheKey, out _);
            return null;
        }

        if (match.LastUsed is not { } lastUsed || now - lastUsed >= LastUsedInterval)
        {
            await ExecuteAsync(cancellationToken, (ApiKeyStoreSql.TouchLastUsed, c =>
            {
                Add(c, "@now", Sql.TimeValue(now));
                Add(c, "@id", IdValue(match.Id));
                Add(c, "@stale", Sql.TimeValue(now - LastUsedInterval));
            })).ConfigureAwait(false);
        }

        var identity = new ApiKeyIdentity(match.Id, match.Name, match.Role, match.ConnectorId);
        lock (_revocation)
        {
            // A revocation since the read may have revoked this key: then it is not trusted beyond this request.
            if (_revocations == revocations)
            {
                _authenticated[cacheKey] = (identity, now);
            }
        }

        return identity;
    }

    /// <summary>Every key, revoked ones included, by name: never a key's text or hash.</summary>
    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken) =>
        ReadAsync(ApiKeyStoreSql.SelectAll, _ => { }, ReadKey, cancellationToken);

    /// <summary>
    /// Revokes the key whose id or name is <paramref name="idOrName"/>, effective at once in this process; returns
    /// its record, or null when no key that is not revoked has that id or name.
    /// </summary>
    public async Task<ApiKey?> RevokeAsync(string idOrName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idOrName);
        var now = Time.GetUtcNow();
        var revoked = Guid.TryParse(idOrName, out var id)
            ? await ReadAsync(ApiKeyStoreSql.RevokeById, c => { Add(c, "@now", Sql.TimeValue(now)); Add(c, "@id", IdValue(id)); }, ReadKey, cancellationToken).ConfigureAwait(false)
            : await ReadAsync(ApiKeyStoreSql.RevokeByName, c => { Add(c, "@now", Sql.TimeValue(now)); Add(c, "@name", idOrName); }, ReadKey, cancellationToken).ConfigureAwait(false);
        lock (_revocation)
        {
            _revocations++;
            _authenticated.Clear();
        }

        return revoked is [var key] ? key : null;
    }

    /// <summary>How many keys are not revoked, of <paramref name="role"/> or of any role.</summary>
    public async Task<int> CountAsync(ApiRole? role, CancellationToken cancellationToken)
    {
        var counts = role is { } only
            ? await ReadAsync(ApiKeyStoreSql.CountByRole, c => Add(c, "@role", ApiRoles.Require(only).ToString()), r => r.GetInt64(0), cancellationToken).ConfigureAwait(false)
            : await ReadAsync(ApiKeyStoreSql.Count, _ => { }, r => r.GetInt64(0), cancellationToken).ConfigureAwait(false);
        return checked((int)counts[0]);
    }

    /// <summary>Whether <paramref name="exception"/> is the unique index on the names of keys not revoked refusing a row.</summary>
    private protected abstract bool IsNameTaken(DbException exception);

    private static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > MaxNameLength || name.Trim().Length != name.Length || Guid.TryParse(name, out _))
        {
            throw new ArgumentException($"an API key's name has at most {MaxNameLength} characters, no surrounding spaces and is not a GUID: '{name}'", nameof(name));
        }
    }

    private static string NewKeyText()
    {
        Span<byte> secret = stackalloc byte[SecretBytes];
        RandomNumberGenerator.Fill(secret);
        return KeyPrefix + Base64Url.EncodeToString(secret);
    }

    private static string PrefixOf(string key) => key[..(KeyPrefix.Length + PrefixSecretChars)];

    // SHA-256 without salt or stretching: the key is 256 random bits, so there is nothing to guess from the hash.
    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private ApiKey ReadKey(DbDataReader r) => new(
        Sql.ReadGuid(r, 0),
        r.GetString(1),
        ApiRoles.Parse(r.GetString(2)),
        r.IsDBNull(3) ? null : Sql.ReadGuid(r, 3),
        r.GetString(4),
        Sql.ReadTime(r, 5),
        r.GetString(6),
        r.IsDBNull(7) ? null : Sql.ReadTime(r, 7),
        r.IsDBNull(8) ? null : Sql.ReadTime(r, 8));
}
