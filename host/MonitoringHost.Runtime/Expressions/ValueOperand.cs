using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Expressions;

/// <summary>
/// One side of a comparison: an <c>XPathQuery</c> read from each item, or a <c>Value</c> constant cast once. <see cref="Kind"/>
/// is the kind the comparison reads it as (a side left as String takes the other side's kind).
/// </summary>
internal sealed class ValueOperand
{
    private readonly TypedValue _constantValue;
    private readonly bool _constantCasts;

    private ValueOperand(DataPath? path, string? constant, ValueKind kind)
    {
        Path = path;
        Constant = constant;
        Kind = kind;
        if (constant is not null && kind != ValueKind.String)
        {
            _constantCasts = TypedValue.TryParse(constant, kind, out _constantValue);
        }
    }

    public DataPath? Path { get; }

    public string? Constant { get; }

    public ValueKind Kind { get; }

    /// <summary>For a constant of a non-string kind: whether its text casts to that kind.</summary>
    public bool ConstantCasts => _constantCasts;

    public static ValueOperand ForPath(DataPath path, ValueKind kind) => new(path, null, kind);

    public static ValueOperand ForConstant(string text, ValueKind kind) => new(null, text, kind);

    public static ValueOperand ForPathOrConstant(DataPath? path, string? constant, ValueKind kind) =>
        path is not null ? ForPath(path, kind) : ForConstant(constant ?? "", kind);

    /// <summary>The text of this side for <paramref name="item"/>, or null when the path selects nothing.</summary>
    public string? Text(DataItem item) => Path is null ? Constant : item.Select(Path);

    /// <summary>This side cast to <see cref="Kind"/>; false when nothing is there or the cast fails.</summary>
    public bool TryRead(DataItem item, out TypedValue value)
    {
        if (Path is null)
        {
            value = _constantValue;
            return _constantCasts;
        }

        if (item.Select(Path) is { } text)
        {
            return TypedValue.TryParse(text, Kind, out value);
        }

        value = default;
        return false;
    }

    public override string ToString() => Path?.Text ?? $"'{Constant}'";
}
