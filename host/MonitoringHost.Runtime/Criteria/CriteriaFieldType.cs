namespace MonitoringHost.Runtime.Criteria;

/// <summary>What values a field holds, and so which values and operators a criteria may use with it.</summary>
public enum CriteriaFieldType
{
    /// <summary>Text: every operator, LIKE and MATCHES; compared case-insensitively.</summary>
    String,

    /// <summary>Numbers: the comparisons.</summary>
    Number,

    /// <summary>Numbers with names (<see cref="CriteriaEnum"/>): the comparisons, with a number or a name.</summary>
    Enum,

    /// <summary>Times, written as ISO 8601 strings: the comparisons.</summary>
    DateTime,

    /// <summary>GUIDs, written as strings: = and != only.</summary>
    Guid,

    /// <summary>TRUE or FALSE: = and != only.</summary>
    Boolean,
}
