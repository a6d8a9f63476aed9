namespace Itsm.Connector;

/// <summary>The configuration file cannot be used: every problem, each with where it is.</summary>
public sealed class ConnectorConfigurationException(string path, IReadOnlyList<string> problems)
    : Exception($"{path}:{string.Concat(problems.Select(p => Environment.NewLine + "  " + p))}")
{
    public string Path { get; } = path;

    public IReadOnlyList<string> Problems { get; } = problems;
}
