using System.Net.Security;
using MonitoringHost.Probes.Http;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Tests.DataItems;

public sealed class HttpResponseDataTests
{
    private static readonly ServerCertificate Certificate = new(
        "CN=web01.contoso.test", "CN=Contoso CA", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 12, 31, 12, 0, 0, TimeSpan.Zero), "AB12", SslPolicyErrors.RemoteCertificateChainErrors, "the chain is not trusted");

    [Theory]
    [InlineData("Result", "Responded")]
    [InlineData("StatusCode", "302")]
    [InlineData("FinalUrl", "https://web01.contoso.test/login")]
    [InlineData("ResponseTime", "12.25")]
    [InlineData("ContentMatch", "false")]
    [InlineData("RedirectCount", "1")]
    [InlineData("CertificateValid", "false")]
    [InlineData("CertificateExpiresInDays", "12.5")]
    [InlineData("CertificateSubject", "CN=web01.contoso.test")]
    [InlineData("CertificateIssuer", "CN=Contoso CA")]
    [InlineData("CertificateNotAfter", "2026-12-31T12:00:00Z")]
    [InlineData("CertificateProblem", "the chain is not trusted")]
    [InlineData("ErrorMessage", null)]
    [InlineData("@Result", null)]
    [InlineData("Certificate/Valid", null)]
    public void Select_HttpsResult_AnswersEachElement(string path, string? expected)
    {
        var result = new HttpCheckResult(
            new Uri("https://web01.contoso.test/"), "GET", HttpCheckStatus.Responded, new Uri("https://web01.contoso.test/login"),
            302, TimeSpan.FromMilliseconds(12.25), 0, false, 1, Certificate, 12.5, null);

        new HttpResponseData(DateTimeOffset.UnixEpoch, result).Select(DataPath.Parse(path)).Should().Be(expected);
    }
}
