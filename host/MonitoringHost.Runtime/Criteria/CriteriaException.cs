using System.Collections.Immutable;

namespace MonitoringHost.Runtime.Criteria;

/// <summary>A criteria that cannot be parsed or does not fit the item's fields; every problem found, each with its position.</summary>
public sealed class CriteriaException : FormatException
{
    public CriteriaException(CriteriaProblem problem)
        : this([problem])
    {
    }

    public CriteriaException(IEnumerable<CriteriaProblem> problems)
        : this([.. problems])
    {
    }

    private CriteriaException(ImmutableArray<CriteriaProblem> problems)
        : base(string.Join("; ", problems.Select(p => p.Message)))
    {
        if (problems.IsEmpty)
        {
            throw new ArgumentException("a criteria exception needs at least one problem", nameof(problems));
        }

        Problems = problems;
    }

    public ImmutableArray<CriteriaProblem> Problems { get; }
}
