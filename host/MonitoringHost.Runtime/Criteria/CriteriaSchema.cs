using System.Collections.Frozen;

namespace MonitoringHost.Runtime.Criteria;

/// <summary>
/// The fields criteria over items of type <typeparamref name="T"/> may name (case-insensitive), and, for items with
/// open-ended fields (an object's properties), a resolver asked for names that are not among them.
/// </summary>
public sealed class CriteriaSchema<T>
{
    private readonly FrozenDictionary<string, CriteriaField<T>> _fields;
    private readonly Func<string, CriteriaField<T>?>? _more;

    public CriteriaSchema(IEnumerable<CriteriaField<T>> fields, Func<string, CriteriaField<T>?>? more = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _fields = fields.ToFrozenDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        _more = more;
    }

    /// <summary>The fixed fields' names.</summary>
    public IEnumerable<string> FieldNames => _fields.Keys.Order(StringComparer.OrdinalIgnoreCase);

    /// <summary>The field named <paramref name="name"/> (case-insensitive), or null.</summary>
    public CriteriaField<T>? Field(string name) => _fields.GetValueOrDefault(name) ?? _more?.Invoke(name);

    /// <summary>Parses and compiles <paramref name="criteria"/> into a predicate; <see cref="CriteriaException"/> when it is bad.</summary>
    public Func<T, bool> Compile(string criteria) => CriteriaCompiler.Compile(CriteriaParser.Parse(criteria), this);
}
