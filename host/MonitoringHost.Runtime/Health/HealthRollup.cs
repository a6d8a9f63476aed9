using MonitoringHost.ManagementPacks.Model;

namespace MonitoringHost.Runtime.Health;

/// <summary>
/// The rollup rules (mp-format.md §8.3), over counts of inputs per state; Uninitialized inputs are never counted, so
/// they are left out unless all are (then the result is Uninitialized).
/// <list type="bullet">
/// <item>WorstOf: Error if any input is Error, else Warning if any is Warning, else Success.</item>
/// <item>BestOf: Success if any input is Success, else Warning if any is Warning, else Error.</item>
/// <item>Percentage P: with n inputs counted, k = ⌈n·P/100⌉ (at least 1); the result is the worst state among the k
/// healthiest inputs. So with 10 members and 60%, 6 Success make it Success, 5 Success and 1 Warning make it
/// Warning, 5 Success and 5 Error make it Error.</item>
/// </list>
/// </summary>
public static class HealthRollup
{
    public static HealthState Combine(RollupAlgorithm algorithm, int success, int warning, int error, double percentage = 100)
    {
        if (success + warning + error == 0)
        {
            return HealthState.Uninitialized;
        }

        switch (algorithm)
        {
            case RollupAlgorithm.BestOf:
                return success > 0 ? HealthState.Success : warning > 0 ? HealthState.Warning : HealthState.Error;
            case RollupAlgorithm.Percentage:
                var counted = success + warning + error;

                // The tolerance keeps 10 × 60 / 100 at 6, not 6.000000000000001 → 7.
                var healthiest = Math.Max(1, (int)Math.Ceiling((counted * percentage / 100) - 1e-9));
                return success >= healthiest ? HealthState.Success : success + warning >= healthiest ? HealthState.Warning : HealthState.Error;
            default:
                return error > 0 ? HealthState.Error : warning > 0 ? HealthState.Warning : HealthState.Success;
        }
    }
}
