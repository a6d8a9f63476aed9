using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using MonitoringHost.Storage.Tests.Fixtures;

namespace MonitoringHost.Storage.Tests;

/// <summary>
/// What the API key store must do, run once per provider by <see cref="Sqlite.SqliteApiKeyStoreTests"/> and
/// <see cref="Postgres.PostgresApiKeyStoreTests"/>, each on a fresh database per test with a clock the test moves.
/// </summary>
public abstract class ApiKeyStoreTests(StoreProvider provider)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid ConnectorA = new("0c000000-0000-0000-0000-00000000000a");

    private readonly ManualClock _clock = new(T0);

    [SkippableFact]
    public async Task Create_ReturnsTheKeyOnce_AndAuthenticatingWithItReturnsTheKeysIdentity()
    {
        await using var test = await TestStores.CreateAsync(provider);
        var store = await OpenAsync(test);

        var created = await store.CreateAsync("ops-console", ApiRole.Operator, "admin@contoso", null, default);
        var connector = await store.CreateAsync("servicenow", ApiRole.Connector, "admin@contoso", ConnectorA, default);

        created.Key.Should().StartWith("mh_").And.HaveLength(46);
        Base64Url.DecodeFromChars(created.Key.AsSpan(3)).Should().HaveCount(32);
        created.Key.Should().NotBe(connector.Key);
        created.Record.Should().Be(new ApiKey(created.Record.Id, "ops-console", ApiRole.Operator, null, created.Key[..11], T0, "admin@contoso", null, null));
        created.ToString().Should().NotContain(created.Key[11..]);
        (await store.AuthenticateAsync(created.Key, default)).Should().Be(new ApiKeyIdentity(created.Record.Id, "ops-console", ApiRole.Operator, null));
        (await store.AuthenticateAsync(connector.Key, default)).Should().Be(new ApiKeyIdentity(connector.Record.Id, "servicenow", ApiRole.Connector, ConnectorA));
    }

    [SkippableFact]
    public async Task Authenticate_AnyOtherText_ReturnsNull_EvenWithTheSamePrefix()
    {
        await using var test = await TestStores.CreateAsync(provider);
        var store = await OpenAsync(test);
        var created = await store.CreateAsync("reader", ApiRole.ReadOnlyOperator, "admin", null, default);
        var last = created.Key[^1];
        var samePrefix = created.Key[..^1] + (last == 'A' ? 'B' : 'A');

        (await store.AuthenticateAsync(samePrefix, default)).Should().BeNull();
        (await store.AuthenticateAsync("mh_" + Base64Url.EncodeToString(new byte[32]), default)).Should().BeNull();
        (await store.AuthenticateAsync(created.Key + "x", default)).Should().BeNull();
        (await store.AuthenticateAsync(created.Key.ToUpperInvariant(), default)).Should().BeNull();
        (await store.AuthenticateAsync(string.Empty, default)).Should().BeNull();
        (await store.AuthenticateAsync(null, default)).Should().BeNull();
        (await store.AuthenticateAsync(created.Key, default)).Should().NotBeNull();
    }

    [SkippableFact]
    public async Task Revoke_ByNameOrId_TakesEffectAtOnce_AndFreesTheName()
    {
        await using var test = await TestStores.CreateAsync(provider);
        var store = await OpenAsync(test);
        var byName = await store.CreateAsync("build-agent", ApiRole.Author, "admin", null, default);
        var byId = await store.CreateAsync("night-job", ApiRole.Operator, "admin", null, default);
        (await store.AuthenticateAsync(byName.Key, default)).Should().NotBeNull();
        (await store.AuthenticateAsync(byId.Key, default)).Should().NotBeNull();
        _clock.Advance(TimeSpan.FromSeconds(1));

        var revoked = await store.RevokeAsync("build-agent", default);
        (await store.RevokeAsync(byId.Record.Id.ToString(), default))!.Id.Should().Be(byId.Record.Id);

        revoked.Should().Be(byName.Record with { LastUsed = T0, Revoked = T0.AddSeconds(1) });
        (await store.AuthenticateAsync(byName.Key, default)).Should().BeNull();
        (await store.AuthenticateAsync(byId.Key, default)).Should().BeNull();
        (await store.RevokeAsync("build-agent", default)).Should().BeNull();
        (await store.RevokeAsync(Guid.NewGuid().ToString(), default)).Should().BeNull();
        var again = await store.CreateAsync("build-agent", ApiRole.Author, "admin", null, default);
        (await store.AuthenticateAsync(again.Key, default))!.Id.Should().Be(again.Record.Id);
        (await store.AuthenticateAsync(byName.Key, default)).Should().BeNull();
    }

    [SkippableFact]
    public async Task StoredRow_HoldsTheKeysHash_AndNeverItsText()
    {
        await using var test = await TestStores.CreateAsync(provider);
        var store = await OpenAsync(test);
        var created = await store.CreateAsync("probe", ApiRole.Administrator, "admin", null, default);
        await store.AuthenticateAsync(created.Key, default);
        var secretText = created.Key[3..];
        var secretBytes = Base64Url.DecodeFromChars(secretText);

        var columns = new Dictionary<string, object?>();
        await using (var connection = await test.ConnectAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT * FROM api_keys";
            await using var reader = await command.ExecuteReaderAsync();
            (await reader.ReadAsync()).Should().BeTrue();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                columns[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            (await reader.ReadAsync()).Should().BeFalse();
        }

        columns.Keys.Should().BeEquivalentTo("id", "name", "role", "connector_id", "key_hash", "prefix", "created", "created_by", "last_used", "revoked");
        ((byte[])columns["key_hash"]!).Should().Equal(SHA256.HashData(Encoding.UTF8.GetBytes(created.Key)));
        columns["prefix"].Should().Be(created.Key[..11]);
        columns["role"].Should().Be("Administrator");
        foreach (var (name, value) in columns)
        {
            switch (value)
            {
                case string text:
                    text.Should().NotContain(secretText[8..], name);
                    break;
                case byte[] bytes:
                    Contains(bytes, Encoding.UTF8.GetBytes(secretText[8..])).Should().BeFalse(name);
                    Contains(bytes, secretBytes.AsSpan(6)).Should().BeFalse(name);
                    break;
            }
        }
    }

    [SkippableFact]
    public async Task List_ShowsEveryKeyByNameWithItsPrefix_AndNoSecret()
    {
        await using var test = await TestStores.CreateAsync(provider);
        var store = await OpenAsync(test);
        var zulu = await store.CreateAsync("zulu", ApiRole.Operator, "admin", null, default);
        var alpha = await store.CreateAsync("alpha", ApiRole.Connector, "ops", ConnectorA, default);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await store.RevokeAsync("zulu", default);

        var keys = await store.ListAsync(default);

        keys.Should().Equal(alpha.Record, zulu.Record with { Revoked = T0.AddMinutes(1) });
        keys.Select(k => k.Prefix).Should().Equal(alpha.Key[..11], zulu.Key[..11]);
        var secrets = new[] { alpha.Key[11..], zulu.Key[11..] };
        keys.Select(k => k.ToString()).Should().OnlyContain(text => !secrets.Any(secret => text.Contains(secret, StringComparison.Ordinal)));
        typeof(ApiKey).GetProperties().Select(p => p.PropertyType).Should().NotContain(typeof(byte[]));
    }

    [SkippableFact]
    public async Task Create_ANameAKeyNotRevokedHas_FailsNamingIt_AndStoresNothing()
    {
        await using var test = await TestStores.CreateAsync(provider);
        var store = await OpenAsync(test);
        var first = await store.CreateAsync("deploy", ApiRole.Author, "admin", null, default);

        var again = () => store.CreateAsync("deploy", ApiRole.Operator, "someone", null, default);

        (await again.Should().ThrowAsync<ApiKeyNameTakenException>()).Which.Name.Should().Be("deploy");
        (await again.Should().ThrowAsync<ApiKeyNameTakenException>()).WithMessage("*'deploy'*");
        (await store.ListAsync(default)).Should().Equal(first.Record);
    }

    [SkippableFact]
    public async Task Create_BadArguments_FailWithWhatIsWrong()
    {
        await using var test = await TestStores.CreateAsync(provider);
        var store = await OpenAsync(test);

        var unknownRole = () => store.CreateAsync("x", (ApiRole)42, "admin", null, default);
        var connectorWithoutId = () => store.CreateAsync("x", ApiRole.Connector, "admin", null, default);
        var operatorWithConnector = () => store.CreateAsync("x", ApiRole.Operator, "admin", ConnectorA, default);
        var guidName = () => store.CreateAsync(Guid.NewGuid().ToString(), ApiRole.Operator, "admin", null, default);

        (await unknownRole.Should().ThrowAsync<ArgumentOutOfRangeException>()).WithMessage("*42*Administrator, Author, Operator, ReadOnlyOperator, Connector*");
        (await connectorWithoutId.Should().ThrowAsync<ArgumentException>()).WithMessage("*needs the id of the connector*");
        (await operatorWithConnector.Should().ThrowAsync<ArgumentException>()).WithMessage("*only a Connector key*Operator*");
        (await guidName.Should().ThrowAsync<ArgumentException>()).WithMessage("*not a GUID*");
        (await store.CountAsync(null, default)).Should().Be(0);
    }

    [SkippableFact]
    public async Task LastUsed_IsWrittenOnFirstUse_ThenAtMostOnceAMinute()
    {
        await using var test = await TestStores.CreateAsync(provider);
        var store = await OpenAsync(test);
        var created = await store.CreateAsync("poller", ApiRole.ReadOnlyOperator, "admin", null, default);

        async Task<DateTimeOffset?> UseAsync(TimeSpan after)
        {
            _clock.Advance(after);
            (await store.AuthenticateAsync(created.Key, default)).Should().NotBeNull();
            return (await store.ListAsync(default)).Single().LastUsed;
        }

        (await store.ListAsync(default)).Single().LastUsed.Should().BeNull();
        (await UseAsync(TimeSpan.Zero)).Should().Be(T0);
        (await UseAsync(TimeSpan.FromSeconds(5))).Should().Be(T0, "the key is trusted from memory");
        (await UseAsync(TimeSpan.FromSeconds(10))).Should().Be(T0, "the row was read again, but was written less than a minute ago");
        (await UseAsync(TimeSpan.FromSeconds(50))).Should().Be(T0.AddSeconds(65));
        (await UseAsync(TimeSpan.FromSeconds(30))).Should().Be(T0.AddSeconds(65));
    }

    [SkippableFact]
    public async Task Count_CountsKeysNotRevoked_OfARoleOrAll()
    {
        await using var test = await TestStores.CreateAsync(provider);
        var store = await OpenAsync(test);
        await store.CreateAsync("a1", ApiRole.Administrator, "setup", null, default);
        await store.CreateAsync("a2", ApiRole.Administrator, "setup", null, default);
        await store.CreateAsync("o1", ApiRole.Operator, "setup", null, default);
        await store.RevokeAsync("a2", default);

        (await store.CountAsync(null, default)).Should().Be(2);
        (await store.CountAsync(ApiRole.Administrator, default)).Should().Be(1);
        (await store.CountAsync(ApiRole.Operator, default)).Should().Be(1);
        (await store.CountAsync(ApiRole.Connector, default)).Should().Be(0);
    }

    [SkippableFact]
    public async Task Open_AppliesTheApiKeysScriptOnce_AndKeysOutliveARestart()
    {
        await using var test = await TestStores.CreateAsync(provider);
        var created = await (await OpenAsync(test)).CreateAsync("survivor", ApiRole.Operator, "admin", null, default);
        var versions = await test.Store.ReadSchemaVersionsAsync(default);

        var reopened = await test.ReopenAsync();

        versions.Should().Contain(v => v.Version == 5 && v.Name == "0005_api_keys");
        (await reopened.ReadSchemaVersionsAsync(default)).Should().Equal(versions);
        Convert.ToInt64(await test.QueryScalarAsync("SELECT count(*) FROM schema_version WHERE version = 5"), System.Globalization.CultureInfo.InvariantCulture).Should().Be(1);
        (await ApiKeyStore.For(reopened).AuthenticateAsync(created.Key, default))!.Name.Should().Be("survivor");
    }

    private static bool Contains(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle) => haystack.IndexOf(needle) >= 0;

    private async Task<ApiKeyStore> OpenAsync(TestStore test) => ApiKeyStore.For(await test.OpenAnotherAsync(_clock));
}
