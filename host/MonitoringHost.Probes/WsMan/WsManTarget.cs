namespace MonitoringHost.Probes.WsMan;

/// <summary>
/// Where and how a <see cref="WsManClient"/> talks to a computer's WinRM service. <see cref="Port"/> 0 means the
/// protocol's default: 5985 over HTTP, 5986 over HTTPS. <see cref="OperationTimeout"/> goes to the server
/// (<c>wsman:OperationTimeout</c>: it answers with a TimedOut fault when its WMI call takes longer);
/// <see cref="HttpTimeout"/> bounds each HTTP exchange on this side. <see cref="MaxElements"/> instances are asked
/// for per enumeration page.
/// </summary>
public sealed record WsManTarget(string Host, string UserName, string Password)
{
    public const int DefaultHttpPort = 5985;
    public const int DefaultHttpsPort = 5986;

    public int Port { get; init; }

    public bool UseHttps { get; init; }

    public WsManAuthentication Authentication { get; init; } = WsManAuthentication.Basic;

    /// <summary>The WMI namespace, e.g. <c>root/cimv2</c> (backslashes are accepted).</summary>
    public string Namespace { get; init; } = "root/cimv2";

    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan HttpTimeout { get; init; } = TimeSpan.FromSeconds(90);

    public int MaxElements { get; init; } = 50;

    public int MaxEnvelopeSize { get; init; } = 512000;

    /// <summary>Accepts any HTTPS server certificate (a self-signed WinRM listener). Off by default.</summary>
    public bool SkipCertificateCheck { get; init; }

    /// <summary>The endpoint URL: <c>http://host:5985/wsman</c> or <c>https://host:5986/wsman</c>.</summary>
    public Uri Url => new UriBuilder(
        UseHttps ? Uri.UriSchemeHttps : Uri.UriSchemeHttp,
        Host,
        Port != 0 ? Port : UseHttps ? DefaultHttpsPort : DefaultHttpPort,
        "/wsman").Uri;

    // The password stays out of logs and exception messages that print the target.
    public override string ToString() => $"{Url} as {UserName} ({Authentication})";
}
