namespace MonitoringHost.Tests.Shared.Orchestrator;

/// <summary>A request the service refuses: the HTTP status and the message of the WCF Data Services error body.</summary>
internal sealed class ODataTestRequestException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
