using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Commands;

/// <summary>
/// <c>System.CommandExecuterProbe</c> and <c>System.CommandExecuter</c> (the write action of tasks and recoveries;
/// the library gives it the same <c>System.CommandOutput</c> output, not a pass-through of its input): on each input
/// item, runs the command and emits a <see cref="CommandOutputData"/> (StdOut, StdErr, ExitCode) — nothing when
/// RequireOutput is set and standard output is empty. A command that cannot start or runs past TimeoutSeconds emits
/// nothing and throws <see cref="CommandStartException"/> or <see cref="CommandTimedOutException"/>, which the host
/// keeps as the instance's last error.
/// </summary>
public sealed class CommandRunner : ModuleInstance
{
    private readonly CommandExecution _execution;

    internal CommandRunner(CommandExecution execution) => _execution = execution;

    public CommandExecuterConfiguration Configuration => _execution.Configuration;

    public override async ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        if (await _execution.RunAsync(input, cancellationToken).ConfigureAwait(false) is { } result)
        {
            output.Emit(result);
        }
    }
}
