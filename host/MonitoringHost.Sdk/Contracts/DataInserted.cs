namespace MonitoringHost.Sdk.Contracts;

/// <summary>What an insertion of events or performance samples did.</summary>
/// <param name="Inserted">Items stored.</param>
/// <param name="WorkflowRuns">Runs of the object's workflows on the SDK data sources that took them.</param>
public sealed record DataInserted(int Inserted, int WorkflowRuns);
