using System.Xml.Linq;

namespace MonitoringHost.ManagementPacks.Model;

/// <summary>
/// One use of a module type inside a workflow, composite or monitor type: its local ID, the module type it names
/// and its configuration, which is the element itself (its child elements are the configuration).
/// </summary>
public sealed record ModuleUsage(string Id, ModuleRole Role, string TypeId, XElement Configuration, SourceLocation Location)
{
    /// <summary>The module's <c>RunAs</c> profile, if it names one.</summary>
    public string? RunAs { get; init; }
}
