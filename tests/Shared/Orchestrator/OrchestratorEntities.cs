namespace MonitoringHost.Tests.Shared.Orchestrator;

/// <summary>The Orchestrator entities as <see cref="ODataTestEntity"/>: properties and navigation links in the samples' order.</summary>
internal static class OrchestratorEntities
{
    public static ODataTestEntity Of(OrchestratorRunbook r) => new(
        "Runbooks",
        "Runbook",
        r.Id,
        r.Name,
        r.CreationTime,
        r.LastModifiedTime,
        r.LastModifiedTime,
        [("Folder", false), ("Parameters", true), ("Activities", true), ("Jobs", true), ("Instances", true), ("Diagram", false), ("Statistics", true)],
        [
            ODataTestProperty.Of("Id", r.Id),
            ODataTestProperty.Of("FolderId", r.FolderId),
            ODataTestProperty.Of("Name", r.Name),
            ODataTestProperty.Of("Description", r.Description),
            ODataTestProperty.Of("CreatedBy", r.CreatedBy),
            ODataTestProperty.Of("CreationTime", r.CreationTime),
            ODataTestProperty.Of("LastModifiedBy", r.LastModifiedBy),
            ODataTestProperty.Of("LastModifiedTime", r.LastModifiedTime),
            ODataTestProperty.Of("IsMonitor", r.IsMonitor),
            ODataTestProperty.Of("Path", r.Path),
            ODataTestProperty.Of("CheckedOutBy", r.CheckedOutBy),
            ODataTestProperty.Of("CheckedOutTime", r.CheckedOutTime),
        ]);

    public static ODataTestEntity Of(OrchestratorJob j) => new(
        "Jobs",
        "Job",
        j.Id,
        "",
        j.CreationTime,
        j.LastModifiedTime,
        j.LastModifiedTime,
        [("Runbook", false), ("Instances", true), ("RunbookServer", false)],
        [
            ODataTestProperty.Of("Id", j.Id),
            ODataTestProperty.Of("RunbookId", j.RunbookId),
            ODataTestProperty.Of("Parameters", j.Parameters),
            ODataTestProperty.Of("RunbookServers", j.RunbookServers),
            ODataTestProperty.Of("RunbookServerId", j.RunbookServerId),
            ODataTestProperty.Of("Status", j.Status),
            ODataTestProperty.Of("ParentId", (Guid?)null),
            ODataTestProperty.Of("ParentIsWaiting", (bool?)null),
            ODataTestProperty.Of("CreatedBy", j.CreatedBy),
            ODataTestProperty.Of("CreationTime", j.CreationTime),
            ODataTestProperty.Of("LastModifiedBy", j.LastModifiedBy),
            ODataTestProperty.Of("LastModifiedTime", j.LastModifiedTime),
        ]);

    public static ODataTestEntity Of(OrchestratorRunbookInstance i) => new(
        "RunbookInstances",
        "RunbookInstance",
        i.Id,
        "",
        i.CreationTime,
        i.CompletionTime ?? i.CreationTime,
        null,
        [("Runbook", false), ("Job", false), ("Parameters", true), ("ActivityInstances", true), ("RunbookServer", false)],
        [
            ODataTestProperty.Of("Id", i.Id),
            ODataTestProperty.Of("RunbookId", i.RunbookId),
            ODataTestProperty.Of("JobId", i.JobId),
            ODataTestProperty.Of("RunbookServerId", i.RunbookServerId),
            ODataTestProperty.Of("Status", i.Status),
            ODataTestProperty.Of("CreationTime", i.CreationTime),
            ODataTestProperty.Of("CompletionTime", i.CompletionTime),
        ]);

    public static ODataTestEntity Of(OrchestratorRunbookServer s, DateTime now) => new(
        "RunbookServers",
        "RunbookServer",
        s.Id,
        s.Name,
        null,
        now,
        null,
        [("Jobs", true), ("Instances", true), ("Events", true)],
        [ODataTestProperty.Of("Id", s.Id), ODataTestProperty.Of("Name", s.Name)]);
}
