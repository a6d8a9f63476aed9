using System.Xml.Linq;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Runtime.Credentials;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Modules.Agentless;
using MonitoringHost.Runtime.Tests.Credentials;

namespace MonitoringHost.Runtime.Tests.Modules;

/// <summary>
/// Makes a protocol module through the default catalog as a workflow host would: its configuration element, the
/// Run As profiles it names bound for the target, and services over the Run As test model with the given clock,
/// resolver and agentless services.
/// </summary>
internal static class AgentlessModuleSetup
{
    public static ModuleInstance Create(
        string typeId, XElement element, string workflowId, string moduleId, MonitoringObject target,
        TimeProvider time, RunAsResolver? resolver, AgentlessServices agentless, Func<Guid, MonitoringObject?>? objects = null)
    {
        var sinks = new Probes.RecordingSinks();
        var setup = new ModuleSetup
        {
            Configuration = new ModuleConfiguration(element, workflowId, moduleId),
            WorkflowId = workflowId,
            ModuleId = moduleId,
            Target = target,
            Credentials = RunAsCredentials.Bind(resolver, RunAsReference.In(element), target),
            Objects = objects ?? (static _ => null),
            Services = new RuntimeServices
            {
                Time = time,
                Classes = RunAsTestModel.Classes,
                Alerts = sinks,
                Discovery = sinks,
                Collected = sinks,
                RunAs = resolver,
                Agentless = agentless,
            },
        };
        return (ModuleCatalog.Default.Find(typeId) ?? throw new InvalidOperationException($"no native module for {typeId}")).Create(setup);
    }
}
