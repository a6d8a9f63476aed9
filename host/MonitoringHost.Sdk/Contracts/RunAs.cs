namespace MonitoringHost.Sdk.Contracts;

/// <summary>
/// A Run As account to add or replace (<c>POST /runas/accounts</c>). Its fields are write-only: the server encrypts
/// them at once and never returns or logs them.
/// </summary>
/// <param name="Name">Its name.</param>
/// <param name="Kind"><c>Windows</c>, <c>Basic</c>, <c>SshKey</c>, <c>SnmpCommunity</c>, <c>Certificate</c> or <c>Generic</c>.</param>
/// <param name="Fields">Its values by field: UserName, Password, Domain, PrivateKey, Passphrase, CommunityString, Certificate (as the kind has them), or any names for Generic.</param>
/// <param name="Id">A fixed id (the same id again replaces the account); the server chooses one when left out.</param>
public sealed record RunAsAccountDefinition(string Name, string Kind, IReadOnlyDictionary<string, string> Fields, Guid? Id = null);

/// <summary>A Run As account as the API shows it: never its values.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Modified">When it was last saved.</param>
public sealed record RunAsAccountInfo(Guid Id, string Name, string Kind, DateTimeOffset Modified);

/// <summary>
/// A Run As profile (a pack's SecureReference, <c>Pack!Reference</c>) mapped to an account for a class (its objects
/// and those of derived classes), a group (its members) or one object; the most specific assignment wins.
/// </summary>
/// <param name="Profile">The profile, <c>Pack!SecureReference</c>.</param>
/// <param name="Scope"><c>class</c>, <c>group</c> or <c>object</c>.</param>
/// <param name="Target">The class name, or the group's or object's id.</param>
/// <param name="AccountId">The account.</param>
public sealed record RunAsProfileAssignment(string Profile, string Scope, string Target, Guid AccountId);
