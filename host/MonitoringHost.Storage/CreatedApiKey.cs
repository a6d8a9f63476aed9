namespace MonitoringHost.Storage;

/// <summary>A key just created: <see cref="Key"/> is its text, returned this once and stored nowhere.</summary>
public sealed record CreatedApiKey(string Key, ApiKey Record)
{
    /// <summary>The record only: a created key must not end up in a log by way of its record's text.</summary>
    public override string ToString() => Record.ToString();
}
