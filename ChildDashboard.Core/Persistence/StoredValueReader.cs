using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;

namespace ChildDashboard.Core.Persistence;

// The rows of a query over DataValues that selects DataElementId, OrgUnitId, OptionCode, Value,
// StoredBy, LastUpdatedUtc and Comment, read as plainly as each provider allows: on SQLite the
// statement is stepped directly (the data reader's checks and conversions cost more per row than
// SQLite itself), elsewhere a data reader by column name. LastUpdatedUtc is kept in ticks on both
// providers (DataValueConfiguration).
public static class StoredValueReader
{
    public readonly record struct Row(int ElementId, int UnitId, string OptionCode, double Value, string? StoredBy, DateTime LastUpdatedUtc, string? Comment);

    private static readonly string[] Columns = ["DataElementId", "OrgUnitId", "OptionCode", "Value", "StoredBy", "LastUpdatedUtc", "Comment"];

    // Reads synchronously: each row comes from a buffer, and an awaited call per field costs more than the row.
    public static IEnumerable<Row> Read(DbCommand command, CancellationToken ct) =>
        command is SqliteCommand sqlite ? ReadSqlite(sqlite, ct) : ReadAny(command, ct);

    private static IEnumerable<Row> ReadSqlite(SqliteCommand command, CancellationToken ct)
    {
        var connection = command.Connection ?? throw new InvalidOperationException("The command has no connection.");
        using var statement = new SqliteStatement(connection, command.CommandText);
        foreach (SqliteParameter parameter in command.Parameters)
            statement.Bind(parameter.ParameterName, parameter.Value);
        var ordinals = Columns.Select(statement.Ordinal).ToArray();
        var (element, unit, option, value, storedBy, updated, comment) = (ordinals[0], ordinals[1], ordinals[2], ordinals[3], ordinals[4], ordinals[5], ordinals[6]);
        // Options and authors repeat from row to row: their strings are made once.
        var options = new Utf8Strings();
        var authors = new Utf8Strings();
        var rows = 0;
        while (statement.Step())
        {
            if (++rows % 10_000 == 0)
                ct.ThrowIfCancellationRequested();
            yield return new Row(statement.Int32(element), statement.Int32(unit), options.Get(statement.Utf8(option)), statement.Double(value),
                statement.IsNull(storedBy) ? null : authors.Get(statement.Utf8(storedBy)), new DateTime(statement.Int64(updated), DateTimeKind.Utc),
                statement.IsNull(comment) ? null : Encoding.UTF8.GetString(statement.Utf8(comment)));
        }
    }

    private static IEnumerable<Row> ReadAny(DbCommand command, CancellationToken ct)
    {
        using var reader = command.ExecuteReader();
        var ordinals = Columns.Select(reader.GetOrdinal).ToArray();
        var (element, unit, option, value, storedBy, updated, comment) = (ordinals[0], ordinals[1], ordinals[2], ordinals[3], ordinals[4], ordinals[5], ordinals[6]);
        var rows = 0;
        while (reader.Read())
        {
            if (++rows % 10_000 == 0)
                ct.ThrowIfCancellationRequested();
            yield return new Row(reader.GetInt32(element), reader.GetInt32(unit), reader.GetString(option), reader.GetDouble(value),
                reader.IsDBNull(storedBy) ? null : reader.GetString(storedBy), new DateTime(reader.GetInt64(updated), DateTimeKind.Utc),
                reader.IsDBNull(comment) ? null : reader.GetString(comment));
        }
    }

    // The strings of the last few distinct UTF-8 values met, found by their bytes.
    private sealed class Utf8Strings
    {
        private const int Capacity = 32;
        private readonly List<(byte[] Bytes, string Text)> _known = [];
        private int _last;

        public string Get(ReadOnlySpan<byte> utf8)
        {
            if (_known.Count > 0 && utf8.SequenceEqual(_known[_last].Bytes))
                return _known[_last].Text;
            for (var i = 0; i < _known.Count; i++)
            {
                if (utf8.SequenceEqual(_known[i].Bytes))
                {
                    _last = i;
                    return _known[i].Text;
                }
            }
            var text = Encoding.UTF8.GetString(utf8);
            if (_known.Count < Capacity)
            {
                _known.Add((utf8.ToArray(), text));
                _last = _known.Count - 1;
            }
            return text;
        }
    }
}
