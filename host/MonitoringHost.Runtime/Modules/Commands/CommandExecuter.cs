using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Commands;

/// <summary>
/// <c>System.CommandExecuter</c>: the write action of tasks and recoveries. It runs the command on each input item
/// exactly as <see cref="CommandExecuterProbe"/> does, and like it outputs <c>System.CommandOutput</c> (the library
/// declares that output type, not a pass-through of the input), so a task shows what the command wrote.
/// </summary>
public sealed class CommandExecuter : ModuleInstance
{
    private readonly CommandExecution _execution;

    internal CommandExecuter(CommandExecution execution) => _execution = execution;

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
