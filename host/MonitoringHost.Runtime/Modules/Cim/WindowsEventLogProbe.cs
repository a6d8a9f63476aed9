using System.Globalization;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Cim;

/// <summary>
/// <c>MonitoringHost.Agentless.WindowsEventLogProbe</c>: reads the events a Windows event log gained since the last
/// read, remotely, as Win32_NTLogEvent over WS-Man (<c>WHERE Logfile = LogName AND TimeGenerated &gt;= the newest
/// event seen</c>, so each read asks only for the recent end of the log). It starts at the time it is made (old
/// events are not replayed, as an event log rule on an agent starts at the end of the log), skips records it has
/// already emitted (by RecordNumber), and emits one property bag per new event as one set, oldest first.
/// </summary>
public sealed class WindowsEventLogProbe : ModuleInstance
{
    private static readonly string[] Selected = ["ComputerName", "EventCode", "EventIdentifier", "EventType", "InsertionStrings", "Logfile", "Message", "RecordNumber", "SourceName", "TimeGenerated", "Type"];
    private readonly Lock _lock = new();
    private readonly CimConnection _connection;
    private DateTimeOffset _since;
    private long _lastRecord = -1;

    public WindowsEventLogProbe(CimConnection connection, string logName, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(logName);
        _connection = connection;
        LogName = logName;
        _since = start;
    }

    public string LogName { get; }

    /// <summary>The WQL of the next read: the log's events at or after <paramref name="since"/>.</summary>
    public string Query(DateTimeOffset since) => string.Create(
        CultureInfo.InvariantCulture,
        $"SELECT {string.Join(", ", Selected)} FROM Win32_NTLogEvent WHERE Logfile='{LogName.Replace("'", "\\'", StringComparison.Ordinal)}' AND TimeGenerated >= '{Dmtf(since)}'");

    public override async ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        DateTimeOffset since;
        long last;
        lock (_lock)
        {
            (since, last) = (_since, _lastRecord);
        }

        var rows = await _connection.RunAsync(
            async (client, token) =>
            {
                var read = new List<(long Record, DateTimeOffset Generated, PropertyBagData Bag)>();
                await foreach (var instance in client.QueryAsync(Query(since), token).ConfigureAwait(false))
                {
                    var bag = CimPropertyBag.From(instance, input.Time);
                    var record = long.Parse(bag["RecordNumber"] ?? "0", NumberStyles.Integer, CultureInfo.InvariantCulture);
                    var generated = DateTimeOffset.TryParse(bag["TimeGenerated"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : since;
                    read.Add((record, generated, bag));
                }

                return read;
            },
            cancellationToken).ConfigureAwait(false);
        var fresh = rows.Where(r => r.Record > last).OrderBy(r => r.Record).ToList();
        if (fresh.Count > 0)
        {
            lock (_lock)
            {
                _lastRecord = Math.Max(_lastRecord, fresh[^1].Record);
                _since = fresh.Max(r => r.Generated) is var newest && newest > _since ? newest : _since;
            }
        }

        output.EmitSet(new DataItemSet(input.Time, fresh.Select(r => r.Bag)));
    }

    /// <summary>A time as WMI's DMTF datetime in UTC: <c>yyyyMMddHHmmss.ffffff+000</c>.</summary>
    public static string Dmtf(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMddHHmmss.ffffff", CultureInfo.InvariantCulture) + "+000";

    /// <summary>Makes <see cref="WindowsEventLogProbe"/>s: <c>ComputerName</c> (empty: the target's Windows computer) and <c>LogName</c>.</summary>
    public sealed class Factory : NativeModuleFactory
    {
        public const string Id = "MonitoringHost.Agentless.WindowsEventLogProbe";

        public override string TypeId => Id;

        public override ModuleInstance Create(ModuleSetup setup)
        {
            ArgumentNullException.ThrowIfNull(setup);
            var configuration = setup.Configuration;
            var computer = CimComputer.Resolve(setup, configuration.Optional("ComputerName"), "ComputerName");
            var logName = configuration.Required("LogName");
            return new WindowsEventLogProbe(CimConnection.Open(setup, computer, "root/cimv2"), logName, setup.Services.Time.GetUtcNow());
        }
    }
}
