namespace MonitoringHost.Storage;

/// <summary>Store options that cannot be used; <see cref="Problems"/> lists every problem found.</summary>
public sealed class StoreOptionsException : Exception
{
    public StoreOptionsException()
        : this([])
    {
    }

    public StoreOptionsException(string message)
        : this([message])
    {
    }

    public StoreOptionsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public StoreOptionsException(IReadOnlyList<string> problems)
        : base("The store options are not valid:" + string.Concat(problems.Select(p => Environment.NewLine + "  - " + p)))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }
}
