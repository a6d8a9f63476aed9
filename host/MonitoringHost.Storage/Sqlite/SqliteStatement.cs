using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MonitoringHost.Storage.Sqlite;

/// <summary>
/// One prepared statement run once per row with its parameters rebound by position, or stepped through a query's rows, (<c>?1</c>, <c>?2</c>…), straight
/// on the connection's handle inside the connection's open transaction: for bulk writes the ADO.NET command's
/// per-execution work (parameter lookup by name, value conversion, a data reader per call) costs more than SQLite's.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    public void Bind(int index, Guid value)
    {
        // The byte order of Guid.ToByteArray, as Microsoft.Data.Sqlite reads a 16-byte BLOB back with GetGuid.
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes);
        Check(raw.sqlite3_bind_blob(_statement, index, bytes));
    }

    public void Bind(int index, Guid? value)
    {
        if (value is { } id)
        {
            Bind(index, id);
        }
        else
        {
            Check(raw.sqlite3_bind_null(_statement, index));
        }
    }

    public void Bind(int index, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text16(_statement, index, value.AsSpan()));

    /// <summary>Binds UTF-8 text; SQLite copies it, so the buffer may be reused at once.</summary>
    public void BindUtf8(int index, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_text(_statement, index, value));

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    public void Bind(int index, DateTimeOffset value) => Bind(index, StoredTime.UnixMicroseconds(value));

    public void Bind(int index, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            Bind(index, time);
        }
        else
        {
            Check(raw.sqlite3_bind_null(_statement, index));
        }
    }

    public void Bind(int index, bool value) => Bind(index, value ? 1L : 0L);

    /// <summary>Runs the statement with the bound values and readies it for the next row.</summary>
    public void Execute()
    {
        var result = raw.sqlite3_step(_statement);
        try
        {
            if (result != raw.SQLITE_DONE && result != raw.SQLITE_ROW)
            {
                SqliteException.ThrowExceptionForRC(result, _db);
            }
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Steps to the next row of a query; false at the end (the statement is then reset).</summary>
    public bool Read()
    {
        var result = raw.sqlite3_step(_statement);
        if (result == raw.SQLITE_ROW)
        {
            return true;
        }

        try
        {
            if (result != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(result, _db);
            }
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }

        return false;
    }

    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    public long GetInt64(int column) => raw.sqlite3_column_int64(_statement, column);

    public Guid GetGuid(int column)
    {
        var bytes = raw.sqlite3_column_blob(_statement, column);
        return bytes.Length == 16
            ? new Guid(bytes)
            : throw new InvalidDataException($"column {column} holds {bytes.Length} bytes where a 16-byte id was expected");
    }

    /// <summary>The column's text as UTF-8, valid until the next step.</summary>
    public ReadOnlySpan<byte> GetUtf8(int column) => raw.sqlite3_column_blob(_statement, column);

    public string GetString(int column) => System.Text.Encoding.UTF8.GetString(raw.sqlite3_column_blob(_statement, column));

    public void Dispose() => _statement.Dispose();

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, _db);
        }
    }
}
