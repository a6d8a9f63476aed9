namespace MonitoringHost.Runtime.Alerts;

/// <summary>
/// A patch, new alert or resolution state with bad values (400): an unknown resolution state, a custom field number
/// outside 1–10, a severity outside 0–2… <see cref="Problems"/> lists every one found, not just the first.
/// </summary>
public sealed class InvalidAlertChangeException(IReadOnlyList<string> problems)
    : Exception(string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
