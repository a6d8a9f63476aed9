namespace MonitoringHost.Runtime.Health;

/// <summary>How an aggregate or dependency monitor combines its children's or members' states (mp-format.md §8.3).</summary>
public enum RollupAlgorithm
{
    /// <summary>Error over Warning over Success; Uninitialized inputs left out unless all are.</summary>
    WorstOf,

    /// <summary>Success over Warning over Error; Uninitialized inputs left out unless all are.</summary>
    BestOf,

    /// <summary>Dependency monitors only: the worst state among the healthiest P% of the members counted.</summary>
    Percentage,
}
