namespace MonitoringHost.Runtime.Modules.Unix;

/// <summary>The <c>SCX_OperatingSystem</c> methods this host answers over SSH (an SCX agent's RunAs provider).</summary>
public enum ScxMethod
{
    /// <summary>A command line, run as it is (SCX splits it without a shell; over SSH the login shell reads it).</summary>
    ExecuteCommand,

    /// <summary>A command run through <c>/bin/sh -c</c>.</summary>
    ExecuteShellCommand,

    /// <summary>A script written to a temporary file, made executable and run with its arguments, then deleted.</summary>
    ExecuteScript,
}
