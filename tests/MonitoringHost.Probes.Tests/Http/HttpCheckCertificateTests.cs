using System.Net.Security;
using MonitoringHost.Probes.Http;

namespace MonitoringHost.Probes.Tests.Http;

public sealed class HttpCheckCertificateTests : IDisposable
{
    private readonly HttpCheck _check = new(TimeProvider.System);

    public void Dispose() => _check.Dispose();

    [Fact]
    public async Task CheckAsync_Https_ReportsCertificateAndDaysUntilExpiry()
    {
        var now = DateTimeOffset.UtcNow;
        using var certificate = TestCertificates.SelfSigned("probe-test", now.AddDays(-1), now.AddDays(30), "127.0.0.1", "localhost");
        await using var server = LoopbackHttpServer.Start(_ => new ServedResponse(200, "secure"), certificate);

        var result = await _check.CheckAsync(new HttpCheckRequest(server.Url("/")) { ContentSubstring = "secure" }, CancellationToken.None);

        result.Status.Should().Be(HttpCheckStatus.Responded);
        result.StatusCode.Should().Be(200);
        result.ContentMatched.Should().BeTrue();
        result.Certificate.Should().NotBeNull();
        result.Certificate!.Subject.Should().Be("CN=probe-test");
        result.Certificate.Thumbprint.Should().Be(certificate.Thumbprint);
        result.Certificate.NotAfter.Should().BeCloseTo(now.AddDays(30), TimeSpan.FromSeconds(1));
        result.CertificateDaysUntilExpiry.Should().BeApproximately(30, 0.01);

        // Self-signed, so the chain is untrusted; the names match the address asked for.
        result.Certificate.Errors.Should().Be(SslPolicyErrors.RemoteCertificateChainErrors);
        result.Certificate.IsValid.Should().BeFalse();
        result.Certificate.Problem.Should().StartWith("the chain is not trusted");
    }

    [Fact]
    public async Task CheckAsync_ExpiredCertificate_ReportsNegativeDaysAndStillAnswers()
    {
        var now = DateTimeOffset.UtcNow;
        using var certificate = TestCertificates.SelfSigned("expired", now.AddDays(-30), now.AddDays(-2), "127.0.0.1");
        await using var server = LoopbackHttpServer.Start(_ => new ServedResponse(200, "old"), certificate);

        var result = await _check.CheckAsync(new HttpCheckRequest(server.Url("/")), CancellationToken.None);

        result.StatusCode.Should().Be(200);
        result.CertificateDaysUntilExpiry.Should().BeApproximately(-2, 0.01);
        result.Certificate!.IsValid.Should().BeFalse();
        result.Certificate.Errors.Should().HaveFlag(SslPolicyErrors.RemoteCertificateChainErrors);
    }

    [Fact]
    public async Task CheckAsync_CertificateForAnotherName_ReportsNameMismatch()
    {
        var now = DateTimeOffset.UtcNow;
        using var certificate = TestCertificates.SelfSigned("elsewhere", now.AddDays(-1), now.AddDays(10), "elsewhere.example");
        await using var server = LoopbackHttpServer.Start(_ => new ServedResponse(200), certificate);

        var result = await _check.CheckAsync(new HttpCheckRequest(server.Url("/")), CancellationToken.None);

        result.Status.Should().Be(HttpCheckStatus.Responded);
        result.Certificate!.Errors.Should().HaveFlag(SslPolicyErrors.RemoteCertificateNameMismatch);
        result.Certificate.Problem.Should().Contain("the certificate's names do not include the host");
    }

    [Fact]
    public async Task CheckAsync_WithAConnectAddress_ChecksTheCertificateAgainstTheUrlsName()
    {
        var now = DateTimeOffset.UtcNow;
        using var certificate = TestCertificates.SelfSigned("web01", now.AddDays(-1), now.AddDays(10), "web01.contoso.test");
        await using var server = LoopbackHttpServer.Start(_ => new ServedResponse(200), certificate);

        var result = await _check.CheckAsync(new HttpCheckRequest(new Uri($"https://web01.contoso.test:{server.Port}/")) { ConnectAddress = "127.0.0.1" }, CancellationToken.None);

        result.StatusCode.Should().Be(200);
        result.Certificate!.Errors.Should().Be(SslPolicyErrors.RemoteCertificateChainErrors, "the certificate names the host of the URL, which the connection to the address asked for");
    }

    [Fact]
    public async Task CheckAsync_PooledConnection_StillReportsTheCertificate()
    {
        var now = DateTimeOffset.UtcNow;
        using var certificate = TestCertificates.SelfSigned("pooled", now.AddDays(-1), now.AddDays(7), "127.0.0.1");
        await using var server = LoopbackHttpServer.Start(_ => new ServedResponse(200, "again"), certificate);

        var first = await _check.CheckAsync(new HttpCheckRequest(server.Url("/1")), CancellationToken.None);
        var second = await _check.CheckAsync(new HttpCheckRequest(server.Url("/2")), CancellationToken.None);

        server.Connections.Should().Be(1, "the second check reuses the first one's connection");
        second.Certificate.Should().Be(first.Certificate);
        second.CertificateDaysUntilExpiry.Should().BeApproximately(7, 0.01);
    }

    [Fact]
    public async Task CheckAsync_TwoServersOnOneHost_EachReportsItsOwnCertificate()
    {
        var now = DateTimeOffset.UtcNow;
        using var soon = TestCertificates.SelfSigned("soon", now.AddDays(-1), now.AddDays(3), "127.0.0.1");
        using var later = TestCertificates.SelfSigned("later", now.AddDays(-1), now.AddDays(300), "127.0.0.1");
        await using var first = LoopbackHttpServer.Start(_ => new ServedResponse(200), soon);
        await using var second = LoopbackHttpServer.Start(_ => new ServedResponse(200), later);

        var a = await _check.CheckAsync(new HttpCheckRequest(first.Url("/")), CancellationToken.None);
        var b = await _check.CheckAsync(new HttpCheckRequest(second.Url("/")), CancellationToken.None);

        a.Certificate!.Subject.Should().Be("CN=soon");
        b.Certificate!.Subject.Should().Be("CN=later");
        b.CertificateDaysUntilExpiry.Should().BeApproximately(300, 0.01);
    }
}
