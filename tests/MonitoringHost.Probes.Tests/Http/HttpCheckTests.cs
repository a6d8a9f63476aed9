using System.Text.RegularExpressions;
using MonitoringHost.Probes.Http;
using MonitoringHost.Probes.Tests.Tcp;

namespace MonitoringHost.Probes.Tests.Http;

public sealed class HttpCheckTests : IDisposable
{
    private readonly HttpCheck _check = new(TimeProvider.System);

    public void Dispose() => _check.Dispose();

    [Fact]
    public async Task CheckAsync_Get_ReportsStatusTimeAndSubstringMatch()
    {
        await using var server = LoopbackHttpServer.Start(_ => new ServedResponse(200, "hello world"));

        var result = await _check.CheckAsync(new HttpCheckRequest(server.Url("/health")) { ContentSubstring = "world" }, CancellationToken.None);

        result.Status.Should().Be(HttpCheckStatus.Responded);
        result.StatusCode.Should().Be(200);
        result.Method.Should().Be("GET");
        result.FinalUrl.Should().Be(server.Url("/health"));
        result.ContentBytes.Should().Be(11);
        result.ContentMatched.Should().BeTrue();
        result.ResponseTime.Should().BePositive().And.BeLessThan(TimeSpan.FromSeconds(5));
        result.Certificate.Should().BeNull();
        result.Message.Should().BeNull();
        server.Requests.Should().Equal(new ServedRequest("GET", "/health", 1));
    }

    [Fact]
    public async Task CheckAsync_WithAConnectAddress_ConnectsThere_TheUrlAndHostHeaderKeepingTheName()
    {
        await using var server = LoopbackHttpServer.Start(request => request.Path == "/old" ? ServedResponse.Redirect(302, "/new") : new ServedResponse(200, "named"));
        var url = new Uri($"http://web01.contoso.test:{server.Port}/old");

        var result = await _check.CheckAsync(new HttpCheckRequest(url) { ConnectAddress = "127.0.0.1", ContentSubstring = "named" }, CancellationToken.None);

        (result.Status, result.StatusCode, result.ContentMatched, result.Redirects).Should().Be((HttpCheckStatus.Responded, 200, true, 1));
        result.FinalUrl.Should().Be(new Uri($"http://web01.contoso.test:{server.Port}/new"), "a redirect to the same host connects to the same address");
        server.Hosts.Should().Equal($"web01.contoso.test:{server.Port}", $"web01.contoso.test:{server.Port}");
    }

    [Fact]
    public async Task CheckAsync_WithoutAConnectAddress_ANameThatDoesNotResolve_IsReportedSo()
    {
        var result = await _check.CheckAsync(new HttpCheckRequest(new Uri("http://web01.contoso.invalid:81/")), CancellationToken.None);

        result.Status.Should().Be(HttpCheckStatus.NameResolutionFailed);
        result.Message.Should().StartWith("http://web01.contoso.invalid:81/: ");
    }

    [Theory]
    [InlineData("World", null, false)]
    [InlineData(null, @"h.llo\s+w", true)]
    [InlineData(null, @"^world", false)]
    public async Task CheckAsync_ContentMatch_IsOrdinalSubstringOrPattern(string? substring, string? pattern, bool expected)
    {
        await using var server = LoopbackHttpServer.Start(_ => new ServedResponse(200, "hello   world"));
        var request = new HttpCheckRequest(server.Url("/"))
        {
            ContentSubstring = substring,
            ContentPattern = pattern is null ? null : new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)),
        };

        var result = await _check.CheckAsync(request, CancellationToken.None);

        result.ContentMatched.Should().Be(expected);
    }

    [Fact]
    public async Task CheckAsync_ContentLongerThanLimit_ReadsAndMatchesOnlyTheLimit()
    {
        await using var server = LoopbackHttpServer.Start(_ => new ServedResponse(200, new string('a', 5000) + "needle"));

        var result = await _check.CheckAsync(new HttpCheckRequest(server.Url("/")) { ContentSubstring = "needle", MaxContentBytes = 4096 }, CancellationToken.None);

        result.ContentBytes.Should().Be(4096);
        result.ContentMatched.Should().BeFalse();
    }

    [Fact]
    public async Task CheckAsync_Head_SendsHeadAndReadsNoBody()
    {
        await using var server = LoopbackHttpServer.Start(_ => new ServedResponse(200, "body"));

        var result = await _check.CheckAsync(new HttpCheckRequest(server.Url("/")) { Method = HttpMethod.Head, ContentSubstring = "body" }, CancellationToken.None);

        result.StatusCode.Should().Be(200);
        result.Method.Should().Be("HEAD");
        result.ContentBytes.Should().Be(0);
        result.ContentMatched.Should().BeNull("a HEAD response has no content to match");
        server.Requests.Single().Method.Should().Be("HEAD");
    }

    [Fact]
    public async Task CheckAsync_ServerError_IsAResponseWithItsStatusCode()
    {
        await using var server = LoopbackHttpServer.Start(_ => new ServedResponse(503, "down"));

        var result = await _check.CheckAsync(new HttpCheckRequest(server.Url("/")), CancellationToken.None);

        result.Status.Should().Be(HttpCheckStatus.Responded);
        result.StatusCode.Should().Be(503);
    }

    [Fact]
    public async Task CheckAsync_RedirectsFollowed_ReportsFinalUrlAndCount()
    {
        await using var server = LoopbackHttpServer.Start(r => r.Path switch
        {
            "/old" => ServedResponse.Redirect(301, "/middle"),
            "/middle" => ServedResponse.Redirect(303, "/new"),
            _ => new ServedResponse(200, "here"),
        });

        var result = await _check.CheckAsync(new HttpCheckRequest(server.Url("/old")) { Method = HttpMethod.Post }, CancellationToken.None);

        result.StatusCode.Should().Be(200);
        result.Redirects.Should().Be(2);
        result.FinalUrl.Should().Be(server.Url("/new"));
        result.Url.Should().Be(server.Url("/old"));
        server.Requests.Select(r => $"{r.Method} {r.Path}").Should().Equal("POST /old", "GET /middle", "GET /new");
    }

    [Fact]
    public async Task CheckAsync_RedirectsNotFollowed_ReportsTheRedirect()
    {
        await using var server = LoopbackHttpServer.Start(r => r.Path == "/old" ? ServedResponse.Redirect(302, "/new") : new ServedResponse(200));

        var result = await _check.CheckAsync(new HttpCheckRequest(server.Url("/old")) { FollowRedirects = false }, CancellationToken.None);

        result.Status.Should().Be(HttpCheckStatus.Responded);
        result.StatusCode.Should().Be(302);
        result.Redirects.Should().Be(0);
        result.FinalUrl.Should().Be(server.Url("/old"));
        server.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task CheckAsync_RedirectLoop_StopsAtTheLimit()
    {
        await using var server = LoopbackHttpServer.Start(_ => ServedResponse.Redirect(302, "/loop"));

        var result = await _check.CheckAsync(new HttpCheckRequest(server.Url("/loop")) { MaxRedirects = 3 }, CancellationToken.None);

        result.Status.Should().Be(HttpCheckStatus.RedirectRefused);
        result.StatusCode.Should().Be(302);
        result.Redirects.Should().Be(3);
        result.Message.Should().Be($"more than 3 redirects, the last to {server.Url("/loop")}");
        server.Requests.Should().HaveCount(4);
    }

    [Fact]
    public async Task CheckAsync_SlowServer_TimesOut()
    {
        await using var server = LoopbackHttpServer.Start(_ => new ServedResponse(200) { Delay = TimeSpan.FromSeconds(10) });

        var result = await _check.CheckAsync(new HttpCheckRequest(server.Url("/slow")) { Timeout = TimeSpan.FromMilliseconds(300) }, CancellationToken.None);

        result.Status.Should().Be(HttpCheckStatus.TimedOut);
        result.StatusCode.Should().Be(0);
        result.ResponseTime.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(280)).And.BeLessThan(TimeSpan.FromSeconds(5));
        result.Message.Should().Be($"{server.Url("/slow")} did not answer within 0.3 s");
    }

    [Fact]
    public async Task CheckAsync_ClosedPort_ReportsConnectionFailed()
    {
        var url = new Uri($"http://127.0.0.1:{TcpPortCheckTests.ClosedPort()}/");

        var result = await _check.CheckAsync(new HttpCheckRequest(url), CancellationToken.None);

        result.Status.Should().Be(HttpCheckStatus.ConnectionFailed);
        result.StatusCode.Should().Be(0);
        result.Message.Should().StartWith(url.ToString()).And.Contain("refused");
    }

    [Fact]
    public async Task CheckAsync_ReservedInvalidName_ReportsNameResolutionFailed()
    {
        var result = await _check.CheckAsync(new HttpCheckRequest(new Uri("http://monitoringhost-test.invalid/")) { Timeout = TimeSpan.FromSeconds(10) }, CancellationToken.None);

        result.Status.Should().Be(HttpCheckStatus.NameResolutionFailed);
        result.Message.Should().StartWith("http://monitoringhost-test.invalid/");
    }

    [Fact]
    public async Task CheckAsync_CallerCancels_Throws()
    {
        await using var server = LoopbackHttpServer.Start(_ => new ServedResponse(200) { Delay = TimeSpan.FromSeconds(10) });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var check = () => _check.CheckAsync(new HttpCheckRequest(server.Url("/")), cancel.Token);

        await check.Should().ThrowAsync<OperationCanceledException>();
    }
}
