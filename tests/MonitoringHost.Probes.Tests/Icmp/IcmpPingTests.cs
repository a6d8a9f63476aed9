using System.Net;
using System.Net.NetworkInformation;
using MonitoringHost.Probes.Icmp;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Probes.Tests.Icmp;

public sealed class IcmpPingTests
{
    private readonly IcmpPing _ping = new(TimeProvider.System);

    [SkippableFact]
    public async Task PingAsync_Loopback_AnswersEveryEcho()
    {
        var result = await _ping.PingAsync(new IcmpPingRequest("127.0.0.1") { Echoes = 3, Interval = TimeSpan.FromMilliseconds(50) }, CancellationToken.None);

        if (result.Echoes.FirstOrDefault(e => e.Status == IPStatus.Unknown) is { } denied)
        {
            CiRequirement.SkipLocallyOrFail($"this process may not send ICMP echo requests: {denied.Message}");
        }

        result.Address.Should().Be(IPAddress.Loopback);
        result.Echoes.Select(e => e.Sequence).Should().Equal(1, 2, 3);
        result.Echoes.Should().OnlyContain(e => e.Status == IPStatus.Success && e.Message == null);
        result.Sent.Should().Be(3);
        result.Received.Should().Be(3);
        result.LossPercent.Should().Be(0);
        result.Succeeded.Should().BeTrue();
        result.MaximumRoundTrip.Should().BeLessThan(TimeSpan.FromSeconds(1));
        result.MinimumRoundTrip.Should().BeLessThanOrEqualTo(result.AverageRoundTrip!.Value);
        result.LastStatus.Should().Be(IPStatus.Success);
    }

    [Fact]
    public async Task PingAsync_ReservedInvalidName_SendsNothingAndSaysWhy()
    {
        var result = await _ping.PingAsync(new IcmpPingRequest("monitoringhost-test.invalid") { Timeout = TimeSpan.FromSeconds(10) }, CancellationToken.None);

        result.Address.Should().BeNull();
        result.Sent.Should().Be(0);
        result.LossPercent.Should().Be(100);
        result.Succeeded.Should().BeFalse();
        result.LastStatus.Should().Be(IPStatus.Unknown);
        result.Message.Should().StartWith("monitoringhost-test.invalid could not be resolved");
    }

    [Fact]
    public async Task PingAsync_CallerCancels_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var ping = () => _ping.PingAsync(new IcmpPingRequest("127.0.0.1") { Echoes = 2, Interval = TimeSpan.FromSeconds(1) }, cancelled.Token);

        await ping.Should().ThrowAsync<OperationCanceledException>();
    }
}
