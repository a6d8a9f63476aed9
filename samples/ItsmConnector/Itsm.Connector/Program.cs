using Itsm.Connector;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using MonitoringHost.Sdk;

// dotnet run --project samples/ItsmConnector/Itsm.Connector -- [itsm-connector.json]
var path = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "itsm-connector.json");
ConnectorOptions options;
try
{
    options = ConnectorOptions.Load(path);
}
catch (ConnectorConfigurationException e)
{
    await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
    return 2;
}

using var stop = new CancellationTokenSource();

// Ctrl+C and SIGTERM (a service manager stopping it) end the current pass; what it did not acknowledge comes again.
void Stop(PosixSignalContext signal)
{
    signal.Cancel = true;
    stop.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
var logger = logging.CreateLogger<IncidentSync>();
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(options.WaitSeconds + 30) };
MonitoringHostClient connected;
try
{
    connected = await ConnectorSetup.ConnectAsync(options, http, Console.Out, stop.Token).ConfigureAwait(false);
}
catch (Exception e) when (e is InvalidOperationException or IOException or MonitoringHostApiException or MonitoringHostUnreachableException)
{
    await Console.Error.WriteLineAsync($"Cannot connect to {options.MonitoringHostUrl}: {e.Message}").ConfigureAwait(false);
    return 1;
}

using var monitoringHost = connected;
var sync = new IncidentSync(monitoringHost, new ItsmClient(http, options.ItsmUrl!), options, logger);
Console.WriteLine($"Synchronizing {options.MonitoringHostUrl} and {options.ItsmUrl}; Ctrl+C stops");
var wait = TimeSpan.FromSeconds(options.WaitSeconds);
while (!stop.IsCancellationRequested)
{
    try
    {
        await sync.RunOnceAsync(wait, stop.Token).ConfigureAwait(false);
        continue;
    }
    catch (Exception e) when (e is HttpRequestException or MonitoringHostUnreachableException or MonitoringHostApiException)
    {
        // What was not acknowledged comes again on the next pass.
        Log.PassFailed(logger, e, wait);
    }
    catch (OperationCanceledException) when (stop.IsCancellationRequested)
    {
        break;
    }

    try
    {
        await Task.Delay(wait, stop.Token).ConfigureAwait(false);
    }
    catch (OperationCanceledException) when (stop.IsCancellationRequested)
    {
        break;
    }
}

return 0;
