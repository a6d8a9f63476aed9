using Microsoft.Extensions.Time.Testing;

namespace MonitoringHost.Server.Tests;

/// <summary>Drives a loopback server that runs on a <see cref="FakeTimeProvider"/>.</summary>
internal static class FakeClock
{
    /// <summary>Moves the clock a second at a time, letting each second's runs and their results finish.</summary>
    public static async Task AdvanceAsync(this LoopbackServer api, FakeTimeProvider time, int seconds)
    {
        for (var i = 0; i < seconds; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await api.Server.Host.WhenIdleAsync();
            await api.Server.Engine.FlushAsync();
        }
    }

    /// <summary>
    /// Moves the clock until <paramref name="done"/> holds, at most <paramref name="seconds"/>; fails naming
    /// <paramref name="lastErrors"/> (the workflows' last errors) if it never does.
    /// </summary>
    public static async Task AdvanceUntilAsync(this LoopbackServer api, FakeTimeProvider time, Func<Task<bool>> done, int seconds, Func<IEnumerable<string?>> lastErrors)
    {
        for (var i = 0; i < seconds; i++)
        {
            if (await done())
            {
                return;
            }

            await api.AdvanceAsync(time, 1);
        }

        (await done()).Should().BeTrue($"the condition should hold within {seconds} s; last errors: {string.Join("; ", lastErrors())}");
    }
}
