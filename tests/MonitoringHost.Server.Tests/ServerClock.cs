using Microsoft.Extensions.Time.Testing;

namespace MonitoringHost.Server.Tests;

/// <summary>A loopback server's fake clock, moved the way end-to-end tests need it: a second at a time, letting each second's runs and their results finish.</summary>
internal sealed class ServerClock(LoopbackServer api, FakeTimeProvider time)
{
    public async Task AdvanceAsync(int seconds)
    {
        for (var i = 0; i < seconds; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await api.Server.Host.WhenIdleAsync();
            await api.Server.Engine.FlushAsync();
        }
    }

    /// <summary>Advances until <paramref name="done"/> holds, at most <paramref name="seconds"/>; fails with <paramref name="diagnostics"/> otherwise.</summary>
    public async Task AdvanceUntilAsync(Func<Task<bool>> done, int seconds, Func<IEnumerable<string?>> diagnostics)
    {
        for (var i = 0; i < seconds && !await done(); i++)
        {
            await AdvanceAsync(1);
        }

        (await done()).Should().BeTrue($"the condition should hold within {seconds} s; last errors: {string.Join("; ", diagnostics())}");
    }
}
