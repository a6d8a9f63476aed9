namespace MonitoringHost.Cli.Api;

/// <summary>No API key was given and none was found; <see cref="Exception.Message"/> says where <c>mh</c> looked (exit code 3).</summary>
public sealed class MissingKeyException(string message) : Exception(message);
