using System.Reflection;
using MonitoringHost.ManagementPacks.Problems;

namespace MonitoringHost.ManagementPacks.Tests.Validation;

/// <summary>Every code in <see cref="ProblemCodes"/> has a negative test, and the base pack those tests break is clean.</summary>
public sealed class ProblemCodeCoverageTests
{
    [Fact]
    public void EveryProblemCode_HasANegativeTest()
    {
        var codes = typeof(ProblemCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        var covered = typeof(ProblemCodeCoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .SelectMany(m => m.GetCustomAttributes<CoversAttribute>())
            .Select(a => a.Code)
            .ToHashSet(StringComparer.Ordinal);

        codes.Should().HaveCountGreaterThan(50);
        string.Join(", ", codes.Where(c => !covered.Contains(c))).Should().BeEmpty("every problem code needs a test that a pack broken that way reports it");
    }

    [Fact]
    public void BasePack_WithTheShippedLibraries_HasNoProblems()
    {
        var outcome = PackCheck.Check(TestPacks.Base);

        outcome.Problems.Should().BeEmpty("the base pack must be clean for the negative tests to mean anything; the problems were:{0}", outcome.Listing);
        outcome.Result.Problems.Where(p => p.IsError).Should().BeEmpty("the shipped libraries must validate cleanly too");
        PackCheck.Libraries.Problems.Where(p => p.IsError).Should().BeEmpty("the shipped libraries must read cleanly");
        var summary = outcome.Result.Summary;
        (summary.Packs, summary.Classes, summary.Workflows, summary.Errors).Should().Be((1, 1, 3, 0));
        var pack = outcome.Result.Packs[TestPacks.Id]!;
        pack.ElementsById.Keys.Should().Contain([TestPacks.ClassId, TestPacks.ProviderId, TestPacks.MonitorTypeId, TestPacks.DiscoveryId, TestPacks.RuleId, TestPacks.MonitorId]);
    }
}
