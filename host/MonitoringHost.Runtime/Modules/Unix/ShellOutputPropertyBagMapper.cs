using MonitoringHost.Probes.Ssh;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Unix;

/// <summary>
/// <c>MonitoringHost.Agentless.ShellOutputPropertyBagMapper</c>: the output of a UNIX command as a property bag, each
/// <c>key=value</c> line of StdOut (<see cref="SshPropertyBag.ParseLines"/>) plus StdOut, StdErr and ReturnCode. It
/// reads an invoke module's <c>WSManData</c> (<c>//StdOut</c>…) or a <c>System.CommandOutput</c> (ExitCode as
/// ReturnCode); an item with no StdOut passes nothing on. What the fragment library's UNIX discoveries do with a
/// PowerShell probe on the management server, without a script.
/// </summary>
public sealed class ShellOutputPropertyBagMapper : ConditionModule
{
    private static readonly DataPath StdOut = DataPath.Parse("//StdOut");
    private static readonly DataPath StdErr = DataPath.Parse("//StdErr");
    private static readonly DataPath ReturnCode = DataPath.Parse("//ReturnCode");
    private static readonly DataPath ExitCode = DataPath.Parse("ExitCode");

    public static ShellOutputPropertyBagMapper Instance { get; } = new();

    public override DataItem? Evaluate(DataItem input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Select(StdOut) is not { } stdOut)
        {
            return null;
        }

        var bag = SshPropertyBag.ParseLines(stdOut);
        bag[SshPropertyBag.StdOut] = stdOut;
        bag[SshPropertyBag.StdErr] = input.Select(StdErr) ?? "";
        if ((input.Select(ReturnCode) ?? input.Select(ExitCode)) is { } code)
        {
            bag[SshPropertyBag.ReturnCode] = code;
        }

        return new PropertyBagData(input.Time, bag);
    }
}
