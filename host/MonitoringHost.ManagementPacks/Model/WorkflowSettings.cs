namespace MonitoringHost.ManagementPacks.Model;

/// <summary>
/// Attributes every workflow shares. <see cref="Enabled"/> keeps the pack's text (true, false,
/// onEssentialMonitoring, onStandardMonitoring); <see cref="IsEnabled"/> is what the host acts on.
/// </summary>
public sealed record WorkflowSettings(
    string Target,
    string Enabled,
    bool Remotable,
    string Priority,
    bool ConfirmDelivery,
    string? Category,
    string? RunAs)
{
    public bool IsEnabled => !string.Equals(Enabled, "false", StringComparison.OrdinalIgnoreCase);
}
