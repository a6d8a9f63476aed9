namespace MonitoringHost.Storage;

/// <summary>
/// The SQL of the credential store. Both dialects accept it as written (named parameters, <c>ON CONFLICT … DO
/// UPDATE</c>); what differs between them (ids, times, the width of <c>scope</c>) is in the column types of
/// <c>0003_run_as.sql</c> and in <see cref="InstanceStoreSql"/>'s value conversions.
/// </summary>
internal static class CredentialStoreSql
{
    public const string SelectAccounts = "SELECT id, name, kind, secret, modified FROM run_as_accounts ORDER BY name, id";

    public const string SelectAccount = "SELECT id, name, kind, secret, modified FROM run_as_accounts WHERE id = @id";

    public const string UpsertAccount =
        """
        INSERT INTO run_as_accounts (id, name, kind, secret, modified) VALUES (@id, @name, @kind, @secret, @modified)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, secret = excluded.secret, modified = excluded.modified
        """;

    public const string DeleteAccountAssignments = "DELETE FROM run_as_assignments WHERE account_id = @id";

    public const string DeleteAccount = "DELETE FROM run_as_accounts WHERE id = @id";

    public const string SelectAssignments = "SELECT profile, scope, scope_value, account_id FROM run_as_assignments ORDER BY profile, scope, scope_value";

    public const string UpsertAssignment =
        """
        INSERT INTO run_as_assignments (profile, scope, scope_value, account_id) VALUES (@profile, @scope, @scope_value, @account_id)
        ON CONFLICT (profile, scope, scope_value) DO UPDATE SET account_id = excluded.account_id
        """;

    public const string DeleteAssignment = "DELETE FROM run_as_assignments WHERE profile = @profile AND scope = @scope AND scope_value = @scope_value";

    public const string DeleteObjectAssignments = "DELETE FROM run_as_assignments WHERE scope = @scope AND scope_value = @scope_value";

    public const string SelectComputers =
        "SELECT name, protocol, address, port, options, class_name, object_id, run_as_account_id, added, added_by FROM managed_computers ORDER BY name_key";

    public const string UpsertComputer =
        """
        INSERT INTO managed_computers (name_key, name, protocol, address, port, options, class_name, object_id, run_as_account_id, added, added_by)
        VALUES (@name_key, @name, @protocol, @address, @port, @options, @class_name, @object_id, @run_as_account_id, @added, @added_by)
        ON CONFLICT (name_key) DO UPDATE SET name = excluded.name, protocol = excluded.protocol, address = excluded.address, port = excluded.port,
            options = excluded.options, class_name = excluded.class_name, object_id = excluded.object_id,
            run_as_account_id = excluded.run_as_account_id, added = excluded.added, added_by = excluded.added_by
        """;

    public const string DeleteComputer = "DELETE FROM managed_computers WHERE name_key = @name_key";
}
