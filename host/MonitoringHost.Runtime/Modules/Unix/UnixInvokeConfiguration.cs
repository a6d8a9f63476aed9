using System.Globalization;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Unix;

/// <summary>
/// What an invoke module is given: the computer (<c>TargetSystem</c>), the resource (<c>Uri</c>, which must be
/// <c>SCX_OperatingSystem</c>), the method (<c>InvokeAction</c>) and its <c>Input</c> (which may hold <c>$Data$</c>
/// tokens, filled per item). <c>Microsoft.SystemCenter.WSManagement.Invoker</c> has them under <c>Invoke</c> with
/// UserName, Password and TimeOutInMS (the WS-Man operation timeout); Protocol, Port, Authentication, SkipCACheck,
/// SkipCNCheck and UTF describe the WS-Man connection to an SCX agent and do not apply over SSH.
/// </summary>
public sealed record UnixInvokeConfiguration(
    string TargetSystem, string Uri, string InvokeAction, DataTemplate Input, ScxInvocation? Invocation, TimeSpan? OperationTimeout, string? UserName, string? Password)
{
    /// <summary>Reads the configuration (under <c>Invoke</c> when <paramref name="underInvoke"/>).</summary>
    public static UnixInvokeConfiguration Read(ModuleConfiguration configuration, bool underInvoke)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var root = underInvoke ? configuration.RequiredChild("Invoke") : configuration.Element;
        var prefix = underInvoke ? "Invoke/" : "";
        var targetSystem = Required("TargetSystem");
        var uri = Required("Uri");
        if (!uri.Contains("/" + ScxInvocation.ScxOperatingSystem, StringComparison.OrdinalIgnoreCase))
        {
            throw configuration.Problem(prefix + "Uri", $"'{uri}' is not {ScxInvocation.ScxOperatingSystem}: over SSH this host answers only its ExecuteCommand, ExecuteShellCommand and ExecuteScript");
        }

        var action = Required("InvokeAction");
        var inputText = Required("Input");
        DataTemplate input;
        ScxInvocation? invocation = null;
        try
        {
            input = DataTemplate.Parse(inputText);
            if (!input.UsesData)
            {
                invocation = ScxInvocation.Parse(action, input.Text);
            }
        }
        catch (FormatException e)
        {
            throw configuration.Problem(prefix + "Input", e.Message);
        }

        TimeSpan? operationTimeout = null;
        if (Optional("TimeOutInMS") is { Length: > 0 } milliseconds)
        {
            operationTimeout = ulong.TryParse(milliseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? (value == 0 ? null : TimeSpan.FromMilliseconds(Math.Min(value, (ulong)TimeSpan.FromDays(1).TotalMilliseconds)))
                : throw configuration.Problem(prefix + "TimeOutInMS", $"'{milliseconds}' is not a number of milliseconds");
        }

        return new UnixInvokeConfiguration(targetSystem, uri, action, input, invocation, operationTimeout, Optional("UserName"), Optional("Password"));

        string? Optional(string name) => root.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();

        string Required(string name) =>
            Optional(name) is { Length: > 0 } value ? value : throw configuration.Problem(prefix + name, "is missing or empty");
    }

    /// <summary>The method call for <paramref name="item"/> (the one parsed once when the input has no <c>$Data$</c> token).</summary>
    public ScxInvocation InvocationFor(DataItem item) => Invocation ?? ScxInvocation.Parse(InvokeAction, Input.Render(item));

    /// <summary>Names the computer and the method; never the credentials' values.</summary>
    public override string ToString() => $"{InvokeAction} on {TargetSystem}";
}
