using Microsoft.Data.Sqlite;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Storage.Sqlite;

namespace MonitoringHost.Storage.Tests.Sqlite;

public sealed class KeyOrderTests
{
    [Fact]
    public void Ids_AreOrderedAsSqliteOrdersTheirBlobs()
    {
        var random = new Random(7);
        var ids = Enumerable.Range(0, 2_000).Select(_ => new Guid(random.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 16))).ToList();
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (id BLOB NOT NULL PRIMARY KEY)";
            create.ExecuteNonQuery();
        }

        foreach (var id in ids)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO t (id) VALUES ($id)";
            insert.Parameters.AddWithValue("$id", id.ToByteArray());
            insert.ExecuteNonQuery();
        }

        var bySqlite = new List<Guid>();
        using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT id FROM t ORDER BY id";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                bySqlite.Add(new Guid((byte[])reader[0]));
            }
        }

        KeyOrder.ById(ids, static id => id).Should().Equal(bySqlite);
    }

    [Fact]
    public void Claims_AreOrderedBySourceKindAndItem()
    {
        var a = Guid.Parse("00000000-0000-0000-0000-000000000002");
        var b = Guid.Parse("01000000-0000-0000-0000-000000000001");
        var claims = new[]
        {
            new Claim("sdk:vmm", ClaimKind.Relationship, a),
            new Claim("sdk:vmm", ClaimKind.Object, b),
            new Claim("connector:x", ClaimKind.Object, b),
            new Claim("sdk:vmm", ClaimKind.Object, a),
        };

        KeyOrder.Claims(claims).Should().Equal(
            new Claim("connector:x", ClaimKind.Object, b),
            new Claim("sdk:vmm", ClaimKind.Object, a), // stored bytes: a is 00 00 00 00 …, b is 00 00 00 01 … (first field little-endian)
            new Claim("sdk:vmm", ClaimKind.Object, b),
            new Claim("sdk:vmm", ClaimKind.Relationship, a));
    }
}
