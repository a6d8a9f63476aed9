using System.Collections.Immutable;
using System.Globalization;
using System.Xml;
using MonitoringHost.Probes.Http;

namespace MonitoringHost.Runtime.DataItems;

/// <summary>
/// <c>MonitoringHost.Agentless.HttpResponseData</c>: the outcome of an HTTP request. Elements (absent when they do
/// not apply): <c>Url</c>, <c>Method</c>, <c>Result</c> (<see cref="HttpCheckStatus"/> name), <c>FinalUrl</c>,
/// <c>StatusCode</c> (0 without a response), <c>ResponseTime</c> (ms), <c>ContentLength</c> (bytes read),
/// <c>ContentMatch</c>, <c>RedirectCount</c>, <c>CertificateValid</c>, <c>CertificateExpiresInDays</c>,
/// <c>CertificateSubject</c>, <c>CertificateIssuer</c>, <c>CertificateNotAfter</c>, <c>CertificateProblem</c>,
/// <c>ErrorMessage</c>. Booleans are <c>true</c>/<c>false</c>, numbers invariant.
/// </summary>
public sealed class HttpResponseData(DateTimeOffset time, HttpCheckResult result) : DataItem(time)
{
    private static readonly ImmutableArray<DataPath> XmlElements = DataItemXml.Paths(
        "Url", "Method", "Result", "FinalUrl", "StatusCode", "ResponseTime", "ContentLength", "ContentMatch", "RedirectCount",
        "CertificateValid", "CertificateExpiresInDays", "CertificateSubject", "CertificateIssuer", "CertificateNotAfter",
        "CertificateProblem", "ErrorMessage");

    public override string TypeName => "MonitoringHost.Agentless.HttpResponseData";

    public HttpCheckResult Result { get; } = result;

    protected override string? SelectValue(DataPath path)
    {
        if (path.Steps is not [{ IsAttribute: false, AttributeName: null, Position: 0 or 1 } step])
        {
            return null;
        }

        var certificate = Result.Certificate;
        return step.Name switch
        {
            "Url" => Result.Url.ToString(),
            "Method" => Result.Method,
            "Result" => Result.Status.ToString(),
            "FinalUrl" => Result.FinalUrl?.ToString(),
            "StatusCode" => Number(Result.StatusCode),
            "ResponseTime" => Result.ResponseTime.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture),
            "ContentLength" => Number(Result.ContentBytes),
            "ContentMatch" => Result.ContentMatched is { } matched ? Boolean(matched) : null,
            "RedirectCount" => Number(Result.Redirects),
            "CertificateValid" => certificate is null ? null : Boolean(certificate.IsValid),
            "CertificateExpiresInDays" => Result.CertificateDaysUntilExpiry?.ToString("0.###", CultureInfo.InvariantCulture),
            "CertificateSubject" => certificate?.Subject,
            "CertificateIssuer" => certificate?.Issuer,
            "CertificateNotAfter" => certificate?.NotAfter.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            "CertificateProblem" => certificate?.Problem,
            "ErrorMessage" => Result.Message,
            _ => null,
        };
    }

    /// <summary>The elements above, in that order; those that do not apply are left out.</summary>
    protected override void WriteContent(XmlWriter writer) => DataItemXml.Elements(writer, this, XmlElements);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Boolean(bool value) => value ? "true" : "false";
}
