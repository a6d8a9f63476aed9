using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MonitoringHost.Storage;

/// <summary>
/// One JSON column of a bulk write, encoded to UTF-8 on another thread a chunk of rows at a time while the writer
/// binds the rows before them: in a 100,000-row commit the encoding then costs the writer (which holds the
/// database's write lock) nothing. Chunks are rented from the shared array pool and returned on dispose.
/// </summary>
internal sealed class EncodedColumn<T> : IDisposable
{
    private const int RowsPerChunk = 1024;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // The text goes to a database column, never into HTML: keep non-ASCII characters as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly IReadOnlyList<T> _rows;
    private readonly Action<T, Utf8JsonWriter> _write;
    private readonly byte[]?[] _chunks;
    private readonly int[][] _ends;
    private readonly object _gate = new(); // a monitor: the writer waits on it for chunks
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _encoding;
    private int _ready;
    private Exception? _failure;

    /// <param name="write">Writes one row's value (one complete JSON value).</param>
    public EncodedColumn(IReadOnlyList<T> rows, Action<T, Utf8JsonWriter> write)
    {
        _rows = rows;
        _write = write;
        var chunks = (rows.Count + RowsPerChunk - 1) / RowsPerChunk;
        _chunks = new byte[chunks][];
        _ends = new int[chunks][];
        _encoding = rows.Count == 0 ? Task.CompletedTask : Task.Run(Encode);
    }

    /// <summary>Row <paramref name="index"/>'s UTF-8 JSON, waiting for its chunk if the encoder is behind.</summary>
    public ReadOnlySpan<byte> this[int index]
    {
        get
        {
            var chunk = index / RowsPerChunk;
            if (Volatile.Read(ref _ready) <= chunk)
            {
                WaitFor(chunk);
            }

            var ends = _ends[chunk];
            var row = index % RowsPerChunk;
            var start = row == 0 ? 0 : ends[row - 1];
            return _chunks[chunk].AsSpan(start, ends[row] - start);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _encoding.Wait(); // Encode records its own failures; this only waits for it to stop
        foreach (var chunk in _chunks)
        {
            if (chunk is not null)
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }

        _stop.Dispose();
    }

    private void WaitFor(int chunk)
    {
        lock (_gate)
        {
            while (_ready <= chunk && _failure is null)
            {
                Monitor.Wait(_gate);
            }

            if (_ready <= chunk)
            {
                throw new InvalidOperationException("encoding a column for the store failed", _failure);
            }
        }
    }

    private void Encode()
    {
        var buffer = new ArrayBufferWriter<byte>(RowsPerChunk * 256);
        using var writer = new Utf8JsonWriter(buffer, WriterOptions);
        try
        {
            for (var chunk = 0; chunk < _chunks.Length && !_stop.IsCancellationRequested; chunk++)
            {
                buffer.ResetWrittenCount();
                var first = chunk * RowsPerChunk;
                var count = Math.Min(RowsPerChunk, _rows.Count - first);
                var ends = new int[count];
                for (var row = 0; row < count; row++)
                {
                    writer.Reset(buffer);
                    _write(_rows[first + row], writer);
                    writer.Flush();
                    ends[row] = buffer.WrittenCount;
                }

                var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(1, buffer.WrittenCount));
                buffer.WrittenSpan.CopyTo(bytes);
                lock (_gate)
                {
                    _chunks[chunk] = bytes;
                    _ends[chunk] = ends;
                    _ready = chunk + 1;
                    Monitor.PulseAll(_gate);
                }
            }
        }
#pragma warning disable CA1031 // The failure is handed to the writer, which throws it with its own context.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            lock (_gate)
            {
                _failure = failure;
                Monitor.PulseAll(_gate);
            }
        }
    }
}
