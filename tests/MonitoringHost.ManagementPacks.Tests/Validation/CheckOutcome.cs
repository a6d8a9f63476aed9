using System.Collections.Immutable;
using MonitoringHost.ManagementPacks.Loading;
using MonitoringHost.ManagementPacks.Problems;

namespace MonitoringHost.ManagementPacks.Tests.Validation;

/// <summary>The problems found in the packs under test, with assertions that name every problem when they fail.</summary>
internal sealed record CheckOutcome(ImmutableArray<PackProblem> Problems, PackSetLoadResult Result)
{
    public ImmutableArray<PackProblem> Errors => [.. Problems.Where(p => p.IsError)];

    public ImmutableArray<PackProblem> Warnings => [.. Problems.Where(p => !p.IsError)];

    public string Listing => Problems.IsEmpty ? " (none)" : string.Concat(Problems.Select(p => Environment.NewLine + "  " + p));

    /// <summary>Asserts that the error codes are exactly {<paramref name="code"/>} and returns those errors.</summary>
    public ImmutableArray<PackProblem> OnlyErrorCode(string code)
    {
        Errors.Select(p => p.Code).Distinct().Should().Equal([code], "exactly that code is expected; the problems were:{0}", Listing);
        return Errors;
    }

    /// <summary>Asserts that there is exactly one error, with <paramref name="code"/>, and returns it.</summary>
    public PackProblem SingleError(string code)
    {
        OnlyErrorCode(code);
        Errors.Should().HaveCount(1, "one problem is expected; the problems were:{0}", Listing);
        return Errors[0];
    }

    /// <summary>Asserts that there are no errors and that the only warning is one with <paramref name="code"/>; returns it.</summary>
    public PackProblem SingleWarning(string code)
    {
        Errors.Should().BeEmpty("only a warning is expected; the problems were:{0}", Listing);
        Warnings.Select(p => p.Code).Should().Equal([code], "exactly one warning with that code is expected; the problems were:{0}", Listing);
        return Warnings[0];
    }
}
