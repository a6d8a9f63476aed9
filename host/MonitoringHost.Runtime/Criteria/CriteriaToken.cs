namespace MonitoringHost.Runtime.Criteria;

/// <summary>
/// One token: its kind, its value (a string literal unquoted, with <c>''</c> made <c>'</c>) and its 1-based character
/// position in the criteria.
/// </summary>
public readonly record struct CriteriaToken(CriteriaTokenKind Kind, string Text, int Position)
{
    /// <summary>Whether this is the word <paramref name="keyword"/> (case-insensitive).</summary>
    public bool Is(string keyword) => Kind == CriteriaTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>The token as a message shows it.</summary>
    public string Describe() => Kind switch
    {
        CriteriaTokenKind.End => "the end of the criteria",
        CriteriaTokenKind.String => $"'{Text.Replace("'", "''", StringComparison.Ordinal)}'",
        _ => $"'{Text}'",
    };
}
