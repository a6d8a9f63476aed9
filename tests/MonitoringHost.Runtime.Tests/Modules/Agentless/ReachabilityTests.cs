using Microsoft.Extensions.Time.Testing;
using MonitoringHost.Discovery.Storage;
using MonitoringHost.Runtime.Modules.Agentless;

namespace MonitoringHost.Runtime.Tests.Modules.Agentless;

/// <summary>Where agentless modules connect, and how a computer that stops answering is backed off.</summary>
public sealed class ReachabilityTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("web01", "web01", null)]
    [InlineData("web01:2222", "web01", 2222)]
    [InlineData("127.0.0.1:161", "127.0.0.1", 161)]
    [InlineData("[::1]:5986", "::1", 5986)]
    [InlineData("::1", "::1", null)]
    [InlineData("fe80::1:2", "fe80::1:2", null)]
    [InlineData("web01:notaport", "web01:notaport", null)]
    [InlineData("web01:70000", "web01:70000", null)]
    public void Names_SplitIntoAddressAndPort(string name, string address, int? port) =>
        DefaultAgentlessEndpoints.Split(name).Should().Be((address, port));

    [Fact]
    public void DefaultEndpoints_UseTheProtocolsPorts_UnlessTheNameGivesOne()
    {
        var endpoints = DefaultAgentlessEndpoints.Instance;

        endpoints.Resolve("web01", "wsman").Should().Be(new AgentlessEndpoint("wsman", "web01", 5985));
        endpoints.Resolve("web01", "ssh").HostKey.Should().Be("web01:22");
        endpoints.Resolve("[::1]:1161", "snmp").HostKey.Should().Be("[::1]:1161");
        endpoints.IsManaged("web01", "ssh").Should().BeFalse();
    }

    [Fact]
    public async Task Registry_FindsAddedComputers_ByNameInAnyCase_OrByTheirOnlyAddress()
    {
        var store = new MemoryComputerStore();
        foreach (var computer in new[]
        {
            new ManagedComputer("Web01.contoso.com", "wsman", "10.0.0.5", 5986, "Microsoft.Windows.Computer", Guid.NewGuid()) { UseHttps = true },
            new ManagedComputer("sw1", "snmp", "10.0.0.9", 1161, "System.NetworkManagement.Node", Guid.NewGuid()),
            new ManagedComputer("sw2", "snmp", "10.0.0.10", 161, "System.NetworkManagement.Node", Guid.NewGuid()),
            new ManagedComputer("sw3", "snmp", "10.0.0.10", 1162, "System.NetworkManagement.Node", Guid.NewGuid()),
        })
        {
            await store.SaveComputerAsync(computer, null, default);
        }

        var registry = new ManagedComputerRegistry(store);
        await registry.ReloadAsync(default);

        registry.Resolve("WEB01.CONTOSO.COM", "wsman").Should().Be(new AgentlessEndpoint("wsman", "10.0.0.5", 5986) { UseHttps = true });
        registry.IsManaged("web01.contoso.com", "wsman").Should().BeTrue();
        registry.IsManaged("web01.contoso.com", "ssh").Should().BeFalse("it was added over WS-Man");
        registry.Resolve("10.0.0.9", "snmp").HostKey.Should().Be("10.0.0.9:1161");
        registry.Resolve("10.0.0.10", "snmp").HostKey.Should().Be("10.0.0.10:161", "two computers share the address: neither is guessed, the default port is used");
        registry.Resolve("other:2200", "ssh").HostKey.Should().Be("other:2200");
        registry.Computers.Select(c => c.Name).Should().Equal("sw1", "sw2", "sw3", "Web01.contoso.com");
    }

    [Fact]
    public async Task Registry_SaveAndDelete_ChangeTheStoreAndTheMemoryTogether_AsAReloadSees()
    {
        var store = new MemoryComputerStore();
        var registry = new ManagedComputerRegistry(store);
        var web = new ManagedComputer("web01", "wsman", "10.0.0.5", 15985, "Microsoft.Windows.Computer", Guid.NewGuid());
        await registry.SaveAsync(web, null, default);
        await registry.SaveAsync(new ManagedComputer("web02", "wsman", "10.0.0.6", 5985, "Microsoft.Windows.Computer", Guid.NewGuid()), null, default);

        registry.Resolve("10.0.0.5", "wsman").Should().Be(web.Endpoint);

        // Added again (the name in another case) with another address: the old address no longer leads to it.
        await registry.SaveAsync(web with { Name = "WEB01", Address = "10.0.0.7", Port = 5986 }, null, default);

        registry.Find("web01")!.Address.Should().Be("10.0.0.7");
        registry.Resolve("10.0.0.5", "wsman").Should().Be(new AgentlessEndpoint("wsman", "10.0.0.5", 5985), "nothing is added with that address any more");
        registry.Resolve("10.0.0.7", "wsman").Port.Should().Be(5986);
        registry.Computers.Select(c => c.Name).Should().Equal("WEB01", "web02");

        await registry.DeleteAsync(registry.Find("web02")!, default);

        registry.IsManaged("web02", "wsman").Should().BeFalse();
        var reloaded = new ManagedComputerRegistry(store);
        await reloaded.ReloadAsync(default);
        reloaded.Computers.Should().Equal(registry.Computers);
    }

    [Fact]
    public void Unreachable_BacksOff_Doubling_UpToTheMaximum_AndAnAnswerEndsIt()
    {
        var time = new FakeTimeProvider(T0);
        var reachability = new RemoteReachability(time) { FirstBackoff = TimeSpan.FromSeconds(15), MaxBackoff = TimeSpan.FromSeconds(50) };

        reachability.Failed("ssh", "web01:22", "ConnectTimeout", "no answer in 15 s", unreachable: true).RetryAfter.Should().Be(T0.AddSeconds(15));
        var check = () => reachability.Check("ssh", "WEB01:22");
        check.Should().Throw<RemoteHostUnavailableException>()
            .WithMessage("ssh to WEB01:22 not tried until *: it has failed 1 time(s) in a row, last with ConnectTimeout: no answer in 15 s");
        FluentActions.Invoking(() => reachability.Check("ssh", "web01:22", force: true)).Should().NotThrow("the availability check always tries");
        FluentActions.Invoking(() => reachability.Check("snmp", "web01:22")).Should().NotThrow("each protocol has its own state");

        time.Advance(TimeSpan.FromSeconds(15));
        check.Should().NotThrow();
        reachability.Failed("ssh", "web01:22", "ConnectTimeout", "again", true).RetryAfter.Should().Be(time.GetUtcNow().AddSeconds(30));
        var second = time.GetUtcNow();

        // Runs that failed together within the wait are one outage: no extra count, the same retry time.
        time.Advance(TimeSpan.FromSeconds(1));
        reachability.Failed("ssh", "web01:22", "ConnectTimeout", "a concurrent run", true).Should().Match<RemoteHostState>(s =>
            s.ConsecutiveFailures == 2 && s.RetryAfter == second.AddSeconds(30) && s.Message == "a concurrent run");

        time.Advance(TimeSpan.FromSeconds(29));
        reachability.Failed("ssh", "web01:22", "ConnectionRefused", "refused", true).Should().Match<RemoteHostState>(s =>
            s.ConsecutiveFailures == 3 && s.RetryAfter == time.GetUtcNow().AddSeconds(50) && !s.Reachable && s.Status == "ConnectionRefused");

        var back = reachability.Succeeded("ssh", "web01:22");
        (back.Reachable, back.Status, back.ConsecutiveFailures, back.RetryAfter, back.LastSuccess).Should().Be((true, "OK", 0, (DateTimeOffset?)null, (DateTimeOffset?)time.GetUtcNow()));
        check.Should().NotThrow();
    }

    [Fact]
    public void AnsweredFailure_IsRecorded_ButDoesNotBackOff()
    {
        var time = new FakeTimeProvider(T0);
        var reachability = new RemoteReachability(time);

        var state = reachability.Failed("wsman", "web01:5985", "AuthenticationFailed", "401", unreachable: false);

        (state.Reachable, state.Status, state.RetryAfter, state.LastFailure).Should().Be((true, "AuthenticationFailed", (DateTimeOffset?)null, (DateTimeOffset?)T0));
        FluentActions.Invoking(() => reachability.Check("wsman", "web01:5985")).Should().NotThrow();
        reachability.All.Should().ContainSingle();
    }
}
