namespace MonitoringHost.Cli.Api;

/// <summary>What <c>mh</c>'s commands that call a server exit with, so that scripts can rely on it (README).</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The server refused the request (4xx other than 404, or 5xx); its problem is printed to stderr.</summary>
    public const int Refused = 1;

    /// <summary>The command line is wrong (unknown option, missing argument, options that exclude each other, a file that is not there).</summary>
    public const int Usage = 2;

    /// <summary>Nothing answers at the server's address, or no API key was found (stderr says where it looked).</summary>
    public const int Unreachable = 3;

    /// <summary>The server has no such object, alert or pack (404).</summary>
    public const int NotFound = 4;
}
