namespace MonitoringHost.Runtime.Credentials;

/// <summary>A Run As account: id, name, and the credential it holds (encrypted whenever it is stored).</summary>
public sealed class RunAsAccount(Guid id, string name, RunAsCredential credential)
{
    public Guid Id { get; } = id;

    public string Name { get; } = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("a Run As account needs a name", nameof(name)) : name;

    public RunAsCredential Credential { get; } = credential ?? throw new ArgumentNullException(nameof(credential));

    public RunAsAccountKind Kind => Credential.Kind;

    public override string ToString() => $"Run As account {Name} ({Kind}, {Id:D})";
}
