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

    // Binds a parameter by its name in the SQL (a command's parameters, as EF Core makes them).
    public SqliteStatement Bind(string name, object? value)
    {
        var index = raw.sqlite3_bind_parameter_index(_statement, name);
        foreach (var prefix in "@:$")
        {
            if (index == 0 && name.Length > 0 && name[0] != prefix)
                index = raw.sqlite3_bind_parameter_index(_statement, prefix + name);
        }
        if (index == 0)
            throw new ArgumentException($"The statement has no parameter '{name}'.", nameof(name));
        Check(value switch
        {
            null or DBNull => raw.sqlite3_bind_null(_statement, index),
            string text => raw.sqlite3_bind_text(_statement, index, text),
            double or float or decimal => raw.sqlite3_bind_double(_statement, index, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)),
            bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
            int or long or short or byte or sbyte or ushort or uint => raw.sqlite3_bind_int64(_statement, index, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
            _ => throw new NotSupportedException($"Cannot bind a {value.GetType().Name} to '{name}'."),
        });
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

    // The position of a result column by its name (as the SQL names it, without regard to case).
    public int Ordinal(string name)
    {
        var count = raw.sqlite3_column_count(_statement);
        for (var i = 0; i < count; i++)
        {
            if (string.Equals(raw.sqlite3_column_name(_statement, i).utf8_to_string(), name, StringComparison.OrdinalIgnoreCase))
                return i;
        }
        throw new ArgumentException($"The statement has no column '{name}'.", nameof(name));
    }

    public int Int32(int column) => raw.sqlite3_column_int(_statement, column);

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

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
