using Itsm.Connector;
using Microsoft.Extensions.Logging;

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
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
var logger = logging.CreateLogger<IncidentSync>();
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(options.WaitSeconds + 30) };
using var monitoringHost = await ConnectorSetup.ConnectAsync(options, http, Console.Out, stop.Token).ConfigureAwait(false);
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
    catch (Exception e) when (e is HttpRequestException or MonitoringHost.Sdk.MonitoringHostUnreachableException or MonitoringHost.Sdk.MonitoringHostApiException)
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
