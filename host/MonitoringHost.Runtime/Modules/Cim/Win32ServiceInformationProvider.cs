using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Scheduling;

namespace MonitoringHost.Runtime.Modules.Cim;

/// <summary>
/// <c>Microsoft.Windows.Win32ServiceInformationProvider</c>: every <c>Frequency</c> seconds reads the service and,
/// as Operations Manager's does, emits its bag on the first read, when anything in it changed, and on every tenth
/// poll; with <c>DisableCaching</c> true on every poll. A failed read emits nothing (it throws) and forgets the last
/// bag, so the first read after it is emitted. <c>CheckStartupType</c> is accepted and not used (the monitor types
/// read StartMode themselves).
/// </summary>
public sealed class Win32ServiceInformationProvider(Win32ServiceReader reader, Schedule schedule, bool disableCaching) : SchedulerModule
{
    public const int RepeatEvery = 10;

    private readonly Lock _lock = new();
    private IReadOnlyDictionary<string, string>? _last;
    private int _unchanged;

    public Win32ServiceReader Reader { get; } = reader;

    public override Schedule Schedule { get; } = schedule;

    public override async ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        PropertyBagData bag;
        try
        {
            bag = await Reader.ReadAsync(input.Time, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            lock (_lock)
            {
                _last = null;
            }

            throw;
        }

        if (Emits(bag))
        {
            output.Emit(bag);
        }
    }

    private bool Emits(PropertyBagData bag)
    {
        lock (_lock)
        {
            var same = _last is { } last && last.Count == bag.Values.Count && last.All(p => bag[p.Key] == p.Value);
            _last = bag.Values;
            _unchanged = same ? _unchanged + 1 : 0;
            return disableCaching || !same || _unchanged % RepeatEvery == 0;
        }
    }

    /// <summary>Makes <see cref="Win32ServiceInformationProvider"/>s.</summary>
    public sealed class Factory : NativeModuleFactory
    {
        public const string Id = "Microsoft.Windows.Win32ServiceInformationProvider";

        public override string TypeId => Id;

        public override ModuleInstance Create(ModuleSetup setup)
        {
            ArgumentNullException.ThrowIfNull(setup);
            var schedule = CimFrequency.Read(setup.Configuration);
            var disableCaching = setup.Configuration.OptionalBoolean("DisableCaching") ?? false;
            return new Win32ServiceInformationProvider(Win32ServiceReader.Open(setup), schedule, disableCaching);
        }
    }
}
