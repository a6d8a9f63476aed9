namespace MonitoringHost.Discovery.Storage;

/// <summary>
/// A Run As account as stored: its id, name and kind in the clear, its secret only as the encrypted envelope the
/// runtime made (bound to <see cref="Id"/> and <see cref="Kind"/>, so it cannot be moved to another account).
/// </summary>
public sealed record StoredRunAsAccount(Guid Id, string Name, string Kind, ReadOnlyMemory<byte> Secret, DateTimeOffset Modified)
{
    // The envelope is not secret, but it is noise in a log line: say how long it is instead.
    public override string ToString() => $"Run As account {Name} ({Kind}, {Id:D}, {Secret.Length}-byte encrypted secret)";
}
