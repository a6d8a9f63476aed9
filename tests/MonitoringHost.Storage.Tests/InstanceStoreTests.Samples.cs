using System.Collections;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Discovery.Storage;

namespace MonitoringHost.Storage.Tests;

public abstract partial class InstanceStoreTests
{
    private static Guid Id(int n) => new($"00000000-0000-0000-0000-{n:x12}");

    private static MonitoringObject Computer(int n) => new(
        Id(n),
        "Microsoft.Windows.Computer",
        $"srv-{n}",
        $"srv-{n}.contoso.com",
        null,
        ObjectProperties.From(new Dictionary<string, string>
        {
            ["PrincipalName"] = $"srv-{n}.contoso.com",
            ["NetbiosComputerName"] = $"SRV-{n}",
            ["IPAddress"] = $"10.0.{n / 256 % 256}.{n % 256}",
            ["OffsetInMinuteFromGreenwichTime"] = "60",
            ["IsVirtualMachine"] = "true",
        }),
        T0,
        T0);

    private static RelationshipInstance Relationship(int id, int source, int target) =>
        new(Id(id), "System.ContainmentRelationship", Id(source), Id(target), T0);

    private static Claim ObjectClaim(string source, int item) => new(source, ClaimKind.Object, Id(item));

    private static ChangeFeedEvent Event(int subject) => new("object.added", Id(subject), T0, $"{{\"id\":\"{Id(subject)}\"}}");

    private static InstanceChangeSet Changes(
        IReadOnlyList<MonitoringObject>? objects = null,
        IReadOnlyList<RelationshipInstance>? relationships = null,
        IReadOnlyList<Claim>? claims = null,
        IReadOnlyList<ChangeFeedEvent>? events = null) =>
        new(objects ?? [], [], relationships ?? [], [], claims ?? [], [], events ?? []);

    private static MonitoringObject Normalized(MonitoringObject o) =>
        o with { Created = StoredTime.Normalize(o.Created), LastModified = StoredTime.Normalize(o.LastModified) };

    private static async Task<StoreSnapshot> SnapshotAsync(InstanceStore store) =>
        new(await store.LoadAsync(default), await store.ReadFeedAsync(0, int.MaxValue, default));

    private sealed record StoreSnapshot(StoredInstances Instances, IReadOnlyList<ChangeFeedEntry> Feed);

    /// <summary>A list that cancels <paramref name="cancellation"/> when the store reads item <paramref name="at"/>: cancellation halfway through a commit.</summary>
    private sealed class CancellingList<T>(IReadOnlyList<T> items, int at, CancellationTokenSource cancellation) : IReadOnlyList<T>
    {
        public int Count => items.Count;

        public T this[int index]
        {
            get
            {
                if (index == at)
                {
                    cancellation.Cancel();
                }

                return items[index];
            }
        }

        public IEnumerator<T> GetEnumerator()
        {
            for (var i = 0; i < items.Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
