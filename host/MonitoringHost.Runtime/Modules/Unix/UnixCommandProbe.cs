using MonitoringHost.Probes.Ssh;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules.Agentless;

namespace MonitoringHost.Runtime.Modules.Unix;

/// <summary>
/// The UNIX invoke modules (<c>Microsoft.Unix.WSMan.Invoke.*</c>, <c>Microsoft.SystemCenter.WSManagement.Invoker</c>)
/// over SSH: per input item, runs the <c>SCX_OperatingSystem</c> method on TargetSystem (its SSH endpoint, from
/// <see cref="AgentlessServices.Endpoints"/>) on the shared connection pool and emits what an SCX agent returns
/// (<see cref="ScxOutput"/>). As SCX does, a command that runs past its timeout is stopped and still answered:
/// ReturnCode -1, empty StdOut, the reason in StdErr. Anything that keeps the command from running (refused,
/// unreachable, authentication, host key) emits nothing and throws <see cref="ShellCommandFailedException"/>; the
/// computer's reachability over SSH is recorded after each attempt, and while it backs off the run ends at once
/// (<see cref="RemoteHostUnavailableException"/>).
/// </summary>
public sealed class UnixCommandProbe(UnixInvokeConfiguration configuration, UnixAccount account, RuntimeServices services) : ModuleInstance
{
    /// <summary>The SSH login's limit (TCP, key exchange, authentication) unless the operation timeout is shorter.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    /// <summary>A method call without a timeout of its own, in a module without an operation timeout.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    public UnixInvokeConfiguration Configuration { get; } = configuration;

    public UnixAccount Account { get; } = account;

    public override async ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var invocation = Configuration.InvocationFor(input);
        var agentless = services.Agentless;
        var endpoint = agentless.Endpoints.Resolve(Configuration.TargetSystem, AgentlessProtocols.Ssh);
        agentless.Reachability.Check(AgentlessProtocols.Ssh, endpoint.HostKey);

        // The method's own timeout is answered by SCX with ReturnCode -1; the operation's (WS-Man) timeout fails the call.
        var operation = Configuration.OperationTimeout;
        var commandTimeout = invocation.Timeout ?? operation ?? DefaultTimeout;
        var methodTimedOut = operation is null || commandTimeout <= operation;
        if (!methodTimedOut)
        {
            commandTimeout = operation!.Value;
        }

        var credential = Account.Credential();
        var request = new SshCommandRequest(endpoint.Address, credential, invocation.ToSshCommand())
        {
            Port = endpoint.Port,
            ConnectTimeout = operation is { } limit && limit < ConnectTimeout ? limit : ConnectTimeout,
            CommandTimeout = commandTimeout,
            TrustOnFirstUse = endpoint.TrustOnFirstUse,
        };

        SshCommandResult result;
        using (await services.Limits.EnterAsync(AgentlessProtocols.Ssh, endpoint.HostKey, cancellationToken).ConfigureAwait(false))
        {
            result = await agentless.Ssh.RunAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var time = services.Time.GetUtcNow();
        var what = $"{invocation.Method} on {endpoint.HostKey} as {credential.UserName}";
        switch (result.Status)
        {
            case SshCommandStatus.Completed:
                agentless.Reachability.Succeeded(AgentlessProtocols.Ssh, endpoint.HostKey);
                var stdErr = result.ExitSignal is { } signal ? $"{result.StandardError}the command was ended by signal {signal}" : result.StandardError;
                output.Emit(ScxOutput.Create(time, result.ExitCode ?? -1, result.StandardOutput, stdErr));
                return;
            case SshCommandStatus.CommandTimeout when methodTimedOut:
                var message = $"{what}: the command did not end within its timeout of {commandTimeout.TotalSeconds:0} s and was stopped";
                agentless.Reachability.Failed(AgentlessProtocols.Ssh, endpoint.HostKey, nameof(SshCommandStatus.CommandTimeout), message, unreachable: false);
                output.Emit(ScxOutput.Create(time, -1, "", message));
                return;
            default:
                var failure = $"{what} ({Account}): {result.Status}: {result.Message}";
                agentless.Reachability.Failed(AgentlessProtocols.Ssh, endpoint.HostKey, result.Status.ToString(), failure, Unreachable(result.Status));
                throw new ShellCommandFailedException(result.Status, failure);
        }
    }

    /// <summary>The computer did not answer at all: it backs off. Any other failure came from a computer that answered.</summary>
    public static bool Unreachable(SshCommandStatus status) =>
        status is SshCommandStatus.ConnectionRefused or SshCommandStatus.ConnectionFailed or SshCommandStatus.ConnectTimeout;
}
