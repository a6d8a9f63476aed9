namespace MonitoringHost.Runtime.Modules;

/// <summary>
/// Thrown by a native module's factory when its workflow does not apply to the target (an availability check for a
/// computer nobody added to be managed): the instance is not made, as for a disabled workflow, and the message is the
/// reason the object's workflow view gives. Not a problem: it is not listed in <c>WorkflowHost.Problems</c>.
/// </summary>
public sealed class ModuleNotApplicableException : Exception
{
    public ModuleNotApplicableException()
    {
    }

    public ModuleNotApplicableException(string message)
        : base(message)
    {
    }

    public ModuleNotApplicableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
