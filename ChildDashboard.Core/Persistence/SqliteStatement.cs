using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ChildDashboard.Core.Persistence;

// A prepared SQLite statement driven directly, with parameters bound by position: for the bulk
// writes of an import. Microsoft.Data.Sqlite binds every parameter by name on every execution,
// which measured as most of the cost of inserting 100,000 rows into a national database.
// It runs inside whatever transaction the connection has open.
public sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private int _next = 1;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    public SqliteStatement Add(long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, _next++, value));
        return this;
    }

    public SqliteStatement Add(double? value)
    {
        Check(value is { } v ? raw.sqlite3_bind_double(_statement, _next++, v) : raw.sqlite3_bind_null(_statement, _next++));
        return this;
    }

    public SqliteStatement Add(string? value)
    {
        Check(value is null ? raw.sqlite3_bind_null(_statement, _next++) : raw.sqlite3_bind_text(_statement, _next++, value));
        return this;
    }

    // Runs the statement with the values added since the last run.
    public void Execute()
    {
        _next = 1;
        var result = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (result != raw.SQLITE_DONE)
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), result);
    }

    // Steps a query: true while it has a row, whose columns the getters below read.
    public bool Step()
    {
        var result = raw.sqlite3_step(_statement);
        if (result == raw.SQLITE_ROW)
            return true;
        raw.sqlite3_reset(_statement);
        return result == raw.SQLITE_DONE ? false : throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), result);
    }

    public int Int32(int column) => raw.sqlite3_column_int(_statement, column);

    public double Double(int column) => raw.sqlite3_column_double(_statement, column);

    // A text column's UTF-8 bytes, valid until the next step.
    public ReadOnlySpan<byte> Utf8(int column) => raw.sqlite3_column_blob(_statement, column);

    // The rowid of the last row this connection inserted.
    public long LastInsertedId => raw.sqlite3_last_insert_rowid(_db);

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), result);
    }

    public void Dispose() => _statement.Dispose();
}
