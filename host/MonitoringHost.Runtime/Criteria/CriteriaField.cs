namespace MonitoringHost.Runtime.Criteria;

/// <summary>
/// A field a criteria can name: its name, its type and how to read it from an item (null: the item has no value).
/// Made with <see cref="CriteriaField"/>'s factories, whose typed accessors keep evaluation free of boxing.
/// </summary>
public sealed class CriteriaField<T>
{
    internal CriteriaField(string name, CriteriaFieldType type, Delegate accessor, Func<T, bool> hasValue, CriteriaEnum? values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(accessor);
        Name = name;
        Type = type;
        Accessor = accessor;
        HasValue = hasValue;
        Values = values;
    }

    public string Name { get; }

    public CriteriaFieldType Type { get; }

    /// <summary>An enum field's names and numbers.</summary>
    public CriteriaEnum? Values { get; }

    internal Delegate Accessor { get; }

    /// <summary>Whether the item has a value in this field (IS NOT NULL).</summary>
    internal Func<T, bool> HasValue { get; }

    /// <summary>The same field under another name (SCOM's <c>MonitoringRuleId</c> for <c>ruleOrMonitorId</c>).</summary>
    public CriteriaField<T> Alias(string name) => new(name, Type, Accessor, HasValue, Values);
}
