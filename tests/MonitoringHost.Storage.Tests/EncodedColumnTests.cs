using System.Text;

namespace MonitoringHost.Storage.Tests;

public sealed class EncodedColumnTests
{
    [Fact]
    public void Rows_AcrossManyChunks_ReadBackInAnyOrder_AsTheirOwnJson()
    {
        var rows = Enumerable.Range(0, 5_000).ToList();
        using var column = new EncodedColumn<int>(rows, static (row, writer) =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("row", row);
            writer.WriteString("name", row % 7 == 0 ? "ünïcode 東京" : "plain");
            writer.WriteEndObject();
        });

        Encoding.UTF8.GetString(column[4_999]).Should().Be("{\"row\":4999,\"name\":\"plain\"}", "a later row waits for its chunk");
        for (var i = 0; i < rows.Count; i++)
        {
            Encoding.UTF8.GetString(column[i]).Should().Be($"{{\"row\":{i},\"name\":\"{(i % 7 == 0 ? "ünïcode 東京" : "plain")}\"}}");
        }
    }

    [Fact]
    public void AFailingRow_FailsTheReadOfItsChunk_NotTheChunksBefore()
    {
        using var column = new EncodedColumn<int>(Enumerable.Range(0, 3_000).ToList(), static (row, writer) =>
        {
            if (row == 2_500)
            {
                throw new FormatException("row 2500 cannot be written");
            }

            writer.WriteNumberValue(row);
        });

        Encoding.UTF8.GetString(column[1_000]).Should().Be("1000");
        var read = () => column[2_600].Length;
        read.Should().Throw<InvalidOperationException>().WithInnerException<FormatException>().WithMessage("row 2500 cannot be written");
    }

    [Fact]
    public void Dispose_BeforeEveryRowIsRead_StopsTheEncoder()
    {
        var written = 0;
        var column = new EncodedColumn<int>(Enumerable.Range(0, 200_000).ToList(), (row, writer) =>
        {
            Interlocked.Increment(ref written);
            writer.WriteNumberValue(row);
        });
        Encoding.UTF8.GetString(column[0]).Should().Be("0");

        column.Dispose();

        var after = Volatile.Read(ref written);
        Thread.Sleep(50);
        Volatile.Read(ref written).Should().Be(after, "nothing is encoded once the column is disposed");
    }
}
