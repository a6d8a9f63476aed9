namespace MonitoringHost.Cli.Api;

/// <summary>A command line that parses but cannot be run as given (exit code 2).</summary>
public sealed class UsageException(string message) : Exception(message);
