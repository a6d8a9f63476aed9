namespace MonitoringHost.Runtime.Credentials;

/// <summary>
/// A Run As profile cannot be resolved for an object (unknown profile, no account assigned, an account without the
/// field asked for): the workflow instance does not load. Names the profile and the object, never a secret.
/// </summary>
public sealed class RunAsResolutionException(string profile, string targetPath, string reason)
    : Exception($"Run As profile {profile} cannot be resolved for {targetPath}: {reason}")
{
    public string Profile { get; } = profile;

    public string TargetPath { get; } = targetPath;
}
