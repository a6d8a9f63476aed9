using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using MonitoringHost.Probes.WsMan;
using MonitoringHost.Runtime.Modules.Agentless;

namespace MonitoringHost.Runtime.Modules.Cim;

/// <summary>
/// One CIM client per (endpoint, namespace, user) for every module of one <see cref="AgentlessServices"/>, so that
/// the discovery, the service monitors and the performance rules of a computer share one connection pool instead
/// of each opening its own. A client made for other settings of the same key (the account's password changed) takes
/// its place; the one it replaces is left to finish what it is doing and close its idle connections.
/// </summary>
public static class CimClientCache
{
    private static readonly ConditionalWeakTable<AgentlessServices, ConcurrentDictionary<(Uri Url, string Namespace, string UserName), (WsManTarget Target, ICimClient Client)>> Caches = [];

    public static ICimClient For(AgentlessServices agentless, WsManTarget target)
    {
        ArgumentNullException.ThrowIfNull(agentless);
        ArgumentNullException.ThrowIfNull(target);
        var clients = Caches.GetValue(agentless, static _ => new());
        var key = (target.Url, target.Namespace, target.UserName);
        while (true)
        {
            if (clients.TryGetValue(key, out var kept))
            {
                if (kept.Target == target)
                {
                    return kept.Client;
                }

                var replacement = (target, agentless.CimClients(target));
                if (clients.TryUpdate(key, replacement, kept))
                {
                    return replacement.Item2;
                }

                (replacement.Item2 as IDisposable)?.Dispose();
            }
            else
            {
                var made = (target, agentless.CimClients(target));
                if (clients.TryAdd(key, made))
                {
                    return made.Item2;
                }

                (made.Item2 as IDisposable)?.Dispose();
            }
        }
    }
}
