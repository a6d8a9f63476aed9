namespace MonitoringHost.Tests.Shared.Orchestrator;

/// <summary>A query option the service cannot use: answered with 400 and the message, as WCF Data Services does.</summary>
internal sealed class ODataTestQueryException(string message) : Exception(message);
