namespace MonitoringHost.Probes.WsMan;

/// <summary>How a <see cref="WsManClient"/> authenticates.</summary>
public enum WsManAuthentication
{
    /// <summary>HTTP Basic (the server must allow it: <c>winrm set winrm/config/service/auth @{Basic="true"}</c>).</summary>
    Basic,

    /// <summary>
    /// Negotiate (Kerberos, NTLM) through the platform: SSPI on Windows; on Linux GSSAPI (libgssapi_krb5.so.2 and, for
    /// NTLM, gss-ntlmssp). Without message encryption, so over HTTPS or with AllowUnencrypted on the server.
    /// </summary>
    Negotiate,
}
