namespace MonitoringHost.Runtime.Criteria;

/// <summary>Makes the fields of a <see cref="CriteriaSchema{T}"/>: one factory per <see cref="CriteriaFieldType"/>.</summary>
public static class CriteriaField
{
    public static CriteriaField<T> Text<T>(string name, Func<T, string?> read) =>
        new CriteriaField<T>(name, CriteriaFieldType.String, read, item => read(item) is not null, null);

    public static CriteriaField<T> Number<T>(string name, Func<T, double?> read) =>
        new CriteriaField<T>(name, CriteriaFieldType.Number, read, item => read(item) is not null, null);

    public static CriteriaField<T> Enumeration<T>(string name, CriteriaEnum values, Func<T, int?> read) =>
        new CriteriaField<T>(name, CriteriaFieldType.Enum, read, item => read(item) is not null, values ?? throw new ArgumentNullException(nameof(values)));

    public static CriteriaField<T> Time<T>(string name, Func<T, DateTimeOffset?> read) =>
        new CriteriaField<T>(name, CriteriaFieldType.DateTime, read, item => read(item) is not null, null);

    public static CriteriaField<T> Id<T>(string name, Func<T, Guid?> read) =>
        new CriteriaField<T>(name, CriteriaFieldType.Guid, read, item => read(item) is not null, null);

    public static CriteriaField<T> Flag<T>(string name, Func<T, bool?> read) =>
        new CriteriaField<T>(name, CriteriaFieldType.Boolean, read, item => read(item) is not null, null);
}
