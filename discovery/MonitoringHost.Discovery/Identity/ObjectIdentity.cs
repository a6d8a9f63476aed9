using System.Text;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.ManagementPacks.Identity;

namespace MonitoringHost.Discovery.Identity;

/// <summary>
/// Deterministic object and relationship ids. As in Operations Manager, an object's id is a SHA-1-derived GUID over
/// its type and key values; where the exact input is not public this host fixes it as follows:
/// <c>TypeId={identity class guid}[,{KeyProperty}={value}]…[,HostId={host object id}]</c>, where the identity class
/// is the most basic class declaring a key property (so an object discovered as a base and as a derived class is
/// one object), key properties come from the most basic class down in declaration order, values of properties that
/// are not case-sensitive are upper-cased (invariant), and the host's id carries the whole host chain.
/// Relationship ids hash <c>RelationshipTypeId={type guid},SourceId={id},TargetId={id}</c>.
/// </summary>
public static class ObjectIdentity
{
    public static Guid ForObject(ClassInfo type, IReadOnlyDictionary<string, string> properties, Guid? hostId) =>
        DeterministicGuid.FromString(IdentityText(type, properties, hostId));

    /// <summary>The text <see cref="ForObject"/> hashes; equal texts mean the same object.</summary>
    public static string IdentityText(ClassInfo type, IReadOnlyDictionary<string, string> properties, Guid? hostId) =>
        IdentityText(type, key => properties.TryGetValue(key, out var value) ? value : null, hostId);

    /// <summary>The identity text, reading key values through <paramref name="valueOf"/> (null: missing).</summary>
    public static string IdentityText(ClassInfo type, Func<string, string?> valueOf, Guid? hostId)
    {
        var text = new StringBuilder(128).Append("TypeId=").Append(type.IdentityText);
        foreach (var key in type.KeyProperties)
        {
            var value = valueOf(key.Id) ?? "";
            text.Append(',').Append(key.Id).Append('=').Append(key.CaseSensitive ? value : value.ToUpperInvariant());
        }

        if (hostId is { } host)
        {
            text.Append(",HostId=").Append(host.ToString("D"));
        }

        return text.ToString();
    }

    public static Guid ForRelationship(RelationshipInfo type, Guid sourceId, Guid targetId) =>
        DeterministicGuid.FromString($"RelationshipTypeId={type.Id:D},SourceId={sourceId:D},TargetId={targetId:D}");

    /// <summary>
    /// The path Operations Manager shows: the host's path, then the object's key values joined by ';'
    /// (the class name for objects without keys).
    /// </summary>
    public static string PathFor(ClassInfo type, IReadOnlyDictionary<string, string> properties, MonitoringObject? host)
    {
        if (type.KeyProperties.Length == 0)
        {
            return host is null ? type.Name : string.Concat(host.Path, ";", type.Name);
        }

        var path = new StringBuilder(host is null ? 64 : host.Path.Length + 64);
        if (host is not null)
        {
            path.Append(host.Path).Append(';');
        }

        for (var i = 0; i < type.KeyProperties.Length; i++)
        {
            if (i > 0)
            {
                path.Append(';');
            }

            path.Append(properties.TryGetValue(type.KeyProperties[i].Id, out var value) ? value : "");
        }

        return path.ToString();
    }
}
