namespace MonitoringHost.Runtime.Criteria;

/// <summary>A value in a criteria: its kind, its text (a string unquoted) and where it is.</summary>
public sealed record CriteriaLiteral(CriteriaLiteralKind Kind, string Text, int Position)
{
    /// <summary>The value as a message shows it.</summary>
    public string Describe() => Kind == CriteriaLiteralKind.String ? $"'{Text.Replace("'", "''", StringComparison.Ordinal)}'" : Text;
}
