using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Runtime.Health;

namespace MonitoringHost.Runtime.Tests.Health;

public sealed class HealthRollupTests
{
    [Theory]
    [InlineData(RollupAlgorithm.WorstOf, 3, 1, 0, HealthState.Warning)]
    [InlineData(RollupAlgorithm.WorstOf, 3, 1, 1, HealthState.Error)]
    [InlineData(RollupAlgorithm.WorstOf, 2, 0, 0, HealthState.Success)]
    [InlineData(RollupAlgorithm.BestOf, 1, 0, 5, HealthState.Success)]
    [InlineData(RollupAlgorithm.BestOf, 0, 2, 5, HealthState.Warning)]
    [InlineData(RollupAlgorithm.BestOf, 0, 0, 5, HealthState.Error)]
    [InlineData(RollupAlgorithm.WorstOf, 0, 0, 0, HealthState.Uninitialized)]
    [InlineData(RollupAlgorithm.BestOf, 0, 0, 0, HealthState.Uninitialized)]
    public void WorstOf_and_BestOf_count_only_initialized_inputs(RollupAlgorithm algorithm, int success, int warning, int error, HealthState expected) =>
        HealthRollup.Combine(algorithm, success, warning, error).Should().Be(expected);

    [Theory]
    [InlineData(10, 0, 0, HealthState.Success)]
    [InlineData(6, 0, 4, HealthState.Success)] // the 6 healthiest of 10 are all Success
    [InlineData(5, 1, 4, HealthState.Warning)] // the 6th healthiest is the Warning one
    [InlineData(5, 0, 5, HealthState.Error)]
    [InlineData(0, 6, 4, HealthState.Warning)]
    [InlineData(0, 0, 0, HealthState.Uninitialized)]
    public void Percentage_60_is_the_worst_state_among_the_healthiest_60_percent(int success, int warning, int error, HealthState expected) =>
        HealthRollup.Combine(RollupAlgorithm.Percentage, success, warning, error, 60).Should().Be(expected);

    [Fact]
    public void Percentage_rounds_the_number_of_healthiest_members_up()
    {
        // 3 members at 50%: the 2 healthiest (⌈1.5⌉) decide.
        HealthRollup.Combine(RollupAlgorithm.Percentage, 1, 0, 2, 50).Should().Be(HealthState.Error);
        HealthRollup.Combine(RollupAlgorithm.Percentage, 2, 0, 1, 50).Should().Be(HealthState.Success);

        // However small P is, at least the healthiest member counts.
        HealthRollup.Combine(RollupAlgorithm.Percentage, 0, 1, 3, 1).Should().Be(HealthState.Warning);
    }
}
