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

    [Fact]
    public void ToXml_HttpsResult_EveryElementSelectAnswersIsInTheXml()
    {
        var result = new HttpCheckResult(
            new Uri("https://web01.contoso.test/search?q=a&b=<c>"), "GET", HttpCheckStatus.Responded, new Uri("https://web01.contoso.test/login"),
            302, TimeSpan.FromMilliseconds(12.25), 512, true, 1, Certificate, 12.5, null);

        var root = XmlForm.ShouldRoundTrip(
            new HttpResponseData(DateTimeOffset.UnixEpoch, result),
            ("Url", "https://web01.contoso.test/search?q=a&b=<c>"),
            ("Method", "GET"),
            ("Result", "Responded"),
            ("FinalUrl", "https://web01.contoso.test/login"),
            ("StatusCode", "302"),
            ("ResponseTime", "12.25"),
            ("ContentLength", "512"),
            ("ContentMatch", "true"),
            ("RedirectCount", "1"),
            ("CertificateValid", "false"),
            ("CertificateExpiresInDays", "12.5"),
            ("CertificateSubject", "CN=web01.contoso.test"),
            ("CertificateIssuer", "CN=Contoso CA"),
            ("CertificateNotAfter", "2026-12-31T12:00:00Z"),
            ("CertificateProblem", "the chain is not trusted"),
            ("ErrorMessage", null));

        root.Elements().Should().HaveCount(15);
    }

    [Fact]
    public void ToXml_FailedPlainHttpRequest_LeavesOutWhatDoesNotApply()
    {
        var result = new HttpCheckResult(
            new Uri("http://web01.contoso.test/"), "HEAD", HttpCheckStatus.ConnectionFailed, null,
            0, TimeSpan.FromMilliseconds(3), 0, null, 0, null, null, "connection refused");

        var root = XmlForm.ShouldRoundTrip(
            new HttpResponseData(DateTimeOffset.UnixEpoch, result),
            ("Result", "ConnectionFailed"),
            ("StatusCode", "0"),
            ("ErrorMessage", "connection refused"),
            ("FinalUrl", null),
            ("ContentMatch", null),
            ("CertificateValid", null));

        root.Elements().Select(e => e.Name.LocalName).Should().Equal(
            "Url", "Method", "Result", "StatusCode", "ResponseTime", "ContentLength", "RedirectCount", "ErrorMessage");
    }
}
