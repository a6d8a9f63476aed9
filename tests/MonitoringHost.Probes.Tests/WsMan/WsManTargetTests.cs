using MonitoringHost.Probes.WsMan;

namespace MonitoringHost.Probes.Tests.WsMan;

public sealed class WsManTargetTests
{
    [Fact]
    public void Url_DefaultPorts_Are5985And5986()
    {
        new WsManTarget("srv01.contoso.com", "u", "p").Url.Should().Be(new Uri("http://srv01.contoso.com:5985/wsman"));
        new WsManTarget("srv01.contoso.com", "u", "p") { UseHttps = true }.Url.Should().Be(new Uri("https://srv01.contoso.com:5986/wsman"));
        new WsManTarget("10.0.0.5", "u", "p") { Port = 8080 }.Url.Should().Be(new Uri("http://10.0.0.5:8080/wsman"));
    }

    [Fact]
    public void ToString_LeavesThePasswordOut()
    {
        new WsManTarget("srv01", "CONTOSO\\mon", "S3cret").ToString().Should().NotContain("S3cret").And.Contain("CONTOSO\\mon");
    }

    [Fact]
    public void Client_BadTarget_ListsEveryProblem()
    {
        var bad = new WsManTarget("", "u", "p") { Port = 70000, MaxElements = 0, HttpTimeout = TimeSpan.Zero };

        var failure = Assert.Throws<ArgumentException>(() => new WsManClient(bad));

        failure.Message.Should().Contain("Host ''").And.Contain("Port 70000").And.Contain("MaxElements 0").And.Contain("timeouts must be positive");
    }

    [Fact]
    public void Client_ClassNameThatIsNotOne_IsRefusedBeforeAnyRequest()
    {
        using var client = new WsManClient(new WsManTarget("127.0.0.1", "u", "p") { Port = 1 });

        var failure = Assert.Throws<ArgumentException>(() => client.EnumerateInstancesAsync("Win32_Service/../x", CancellationToken.None));

        failure.Message.Should().Contain("is not a CIM class name");
    }

    [Fact]
    public async Task Mmi_SaysPlainlyItIsWindowsOnly()
    {
        var client = new MmiCimClient();

        var failure = await Assert.ThrowsAsync<PlatformNotSupportedException>(() => client.GetInstanceAsync("Win32_OperatingSystem", new Dictionary<string, string>(), CancellationToken.None));

        failure.Message.Should().Contain("works only on Windows").And.Contain("WS-Man");
    }

    [SkippableFact]
    public void Negotiate_WithoutGssapiOnLinux_SaysWhatIsMissing()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the GSSAPI check is Linux's");

        var reason = WsManClient.NegotiateUnsupported("libgssapi_missing.so.9");

        reason.Should().Contain("libgssapi_missing.so.9").And.Contain("Basic authentication over HTTPS");
    }
}
