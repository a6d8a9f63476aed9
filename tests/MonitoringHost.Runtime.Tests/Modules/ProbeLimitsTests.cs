using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Runtime.Tests.Modules;

public sealed class ProbeLimitsTests
{
    [Fact]
    public async Task EnterAsync_WaitsForAHostSlot_WithoutHoldingAProtocolSlot()
    {
        var limits = new ProbeLimits(perProtocol: 3, perHost: 2);
        var a1 = await limits.EnterAsync("tcp", "a.contoso.com", CancellationToken.None);
        var a2 = await limits.EnterAsync("tcp", "A.CONTOSO.COM", CancellationToken.None);

        var third = limits.EnterAsync("tcp", "a.contoso.com", CancellationToken.None).AsTask();
        var other = await limits.EnterAsync("tcp", "b.contoso.com", CancellationToken.None);
        var fourth = limits.EnterAsync("tcp", "c.contoso.com", CancellationToken.None).AsTask();
        var http = await limits.EnterAsync("http", "a.contoso.com", CancellationToken.None);

        third.IsCompleted.Should().BeFalse("a.contoso.com has its two slots taken (names compare without case)");
        fourth.IsCompleted.Should().BeFalse("tcp has its three slots taken");
        limits.InUse("tcp").Should().Be(3);
        other.Dispose();
        (await fourth.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        third.IsCompleted.Should().BeFalse("a.contoso.com still has both its slots taken");
        a1.Dispose();
        (await third.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        a2.Dispose();
        http.Dispose();
        limits.InUse("tcp").Should().Be(0);
        limits.InUse("http").Should().Be(0);
    }

    [Fact]
    public async Task EnterAsync_Cancelled_GivesItsHostSlotBack()
    {
        var limits = new ProbeLimits(perProtocol: 1, perHost: 2);
        var held = await limits.EnterAsync("tcp", "a", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = limits.EnterAsync("tcp", "a", cancel.Token).AsTask();

        await cancel.CancelAsync();

        await FluentActions.Awaiting(() => waiting).Should().ThrowAsync<OperationCanceledException>();
        held.Dispose();
        var again = await limits.EnterAsync("tcp", "a", CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        var second = await limits.EnterAsync("http", "a", CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        limits.InUse("tcp").Should().Be(1, "the cancelled wait gave back the host slot it had taken");
        again.Dispose();
        second.Dispose();
    }
}
