namespace MonitoringHost.ManagementPacks.Problems;

public enum ProblemSeverity
{
    Error,
    Warning,
}
