using System.Globalization;
using MonitoringHost.Runtime.Alerts;
using MonitoringHost.Runtime.Maintenance;

namespace MonitoringHost.CrashWorker;

/// <summary>
/// What the worker's operations mode does, forever and concurrently, and what it prints once each call has returned
/// (its change is then durable), each after a line <c>calling …</c> printed before the call: <c>created &lt;id&gt;</c> per SDK alert, <c>updated &lt;id&gt; &lt;version&gt;</c>
/// per alert update (SDK alerts: owner and resolution state, closing and reopening; monitor alerts: owner, or closed
/// by hand). Meanwhile computers go in and out of recursive maintenance (windows of 1–3 s, so some end by the tick),
/// monitors are reset, and the workflows report the random states of <see cref="StateProbeFactory"/> every second.
/// </summary>
public sealed class OperationsLoad(CrashOperations operations)
{
    private const int Creators = 4;
    private const int Updaters = 4;
    private static readonly ChangeAuthor Operator = new("crash-operator", ChangeAuthorKind.User);
    private static readonly int[] SdkResolutionStates = [Alert.New, 249, 254, Alert.Closed];

    private readonly List<Guid> _created = [];
    private readonly Lock _createdLock = new();
    private readonly IReadOnlyList<Guid> _computers = [.. operations.Space.OfClass("Microsoft.Windows.Computer").Select(o => o.Id)];
    private readonly IReadOnlyList<Guid> _services = [.. operations.Space.OfClass(CrashHealthModel.ServiceClass).Select(o => o.Id)];

    public Task RunAsync() =>
        Task.WhenAll([
            .. Enumerable.Range(0, Creators).Select(_ => Task.Run(CreateAsync)),
            .. Enumerable.Range(0, Updaters).Select(_ => Task.Run(UpdateAsync)),
            Task.Run(OperateAsync),
        ]);

    private static T Pick<T>(IReadOnlyList<T> items) => items[Random.Shared.Next(items.Count)];

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));

    private async Task CreateAsync()
    {
        while (true)
        {
            var target = Random.Shared.Next(2) == 0 ? Pick(_computers) : Pick(_services);
            Print($"calling create {target:D}");
            var alert = await operations.Engine.CreateAlertAsync(
                new NewAlert(target, "Crash test alert", "Raised by the crash worker", Random.Shared.Next(3), Random.Shared.Next(3)), Operator);
            lock (_createdLock)
            {
                _created.Add(alert.Id);
            }

            Print($"created {alert.Id:D}");
        }
    }

    private async Task UpdateAsync()
    {
        while (true)
        {
            Guid? sdkAlert = null;
            lock (_createdLock)
            {
                if (_created.Count > 0)
                {
                    sdkAlert = Pick(_created);
                }
            }

            Alert updated;
            if (sdkAlert is { } id && Random.Shared.Next(4) > 0)
            {
                Print($"calling update {id:D}");
                updated = await operations.Engine.UpdateAlertAsync(id, new AlertPatch
                {
                    Owner = string.Create(CultureInfo.InvariantCulture, $"owner{Random.Shared.Next(10)}"),
                    ResolutionState = Pick(SdkResolutionStates),
                    Comment = "crash worker",
                }, Operator);
            }
            else if ((await operations.Engine.OpenAlertsAsync()).Where(a => a.IsMonitorAlert).ToList() is { Count: > 0 } monitorAlerts)
            {
                // Monitor alerts are never reopened by hand here: the monitor may hold a newer open alert.
                var alert = Pick(monitorAlerts);
                Print($"calling update {alert.Id:D}");
                updated = await operations.Engine.UpdateAlertAsync(alert.Id, Random.Shared.Next(3) == 0
                    ? new AlertPatch { ResolutionState = Alert.Closed, Comment = "closed by hand" }
                    : new AlertPatch { Owner = string.Create(CultureInfo.InvariantCulture, $"owner{Random.Shared.Next(10)}") }, Operator);
            }
            else
            {
                await Task.Delay(5);
                continue;
            }

            Print($"updated {updated.Id:D} {updated.Version}");
        }
    }

    private async Task OperateAsync()
    {
        while (true)
        {
            await Task.Delay(Random.Shared.Next(10, 40));
            if (Random.Shared.Next(2) == 0)
            {
                await ToggleMaintenanceAsync(Pick(_computers));
            }
            else
            {
                var service = Pick(_services);
                var monitor = Pick(CrashHealthModel.ResetMonitors);
                var outcome = await operations.Engine.ResetMonitorAsync(service, monitor);
                Print($"reset {service:D} {monitor} {outcome}");
            }
        }
    }

    private async Task ToggleMaintenanceAsync(Guid computer)
    {
        var active = await operations.Engine.MaintenanceAsync();
        if (!active.Any(w => w.ObjectId == computer && w.RootObjectId == computer))
        {
            var until = DateTimeOffset.UtcNow.AddMilliseconds(Random.Shared.Next(1000, 3000));
            var change = await operations.Engine.StartMaintenanceAsync(computer, until, MaintenanceReason.PlannedOther, "crash test", "crash-operator");
            Print($"maintenance started {computer:D} {change.Entered.Count}");
            return;
        }

        try
        {
            var change = await operations.Engine.StopMaintenanceAsync(computer, "crash-operator");
            Print($"maintenance stopped {computer:D} {change.Left.Count}");
        }
        catch (MaintenanceException e) when (e.Error == MaintenanceError.NotInMaintenance)
        {
            // The one-second tick ended the window between the read and the stop: it has ended, as asked.
            Print($"maintenance ended by its time {computer:D}");
        }
    }
}
