namespace MonitoringHost.Runtime.Expressions;

/// <summary>An <c>Expression</c> that cannot be compiled: which element (<c>Expression/And/Expression[2]/Operator</c>) and why.</summary>
public sealed class InvalidExpressionException(string element, string problem)
    : FormatException($"{element} {problem}")
{
    public string Element { get; } = element;

    public string Problem { get; } = problem;
}
