namespace MonitoringHost.Discovery.Storage;

/// <summary>What a Run As profile assignment applies to; a later value is more specific and wins, as overrides do.</summary>
public enum RunAsScope
{
    /// <summary>Every object of the class or a derived one.</summary>
    Class = 0,

    /// <summary>Every member of the group (through containment, recursively).</summary>
    Group = 1,

    /// <summary>One object.</summary>
    Object = 2,
}
