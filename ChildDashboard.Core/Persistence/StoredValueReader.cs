using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;

namespace ChildDashboard.Core.Persistence;

// The rows of a query over DataValues that selects DataElementId, OrgUnitId, OptionCode, Value,
// StoredBy, LastUpdatedUtc and Comment, read as plainly as each provider allows: on SQLite the
// statement is stepped directly (the data reader's checks and conversions cost more per row than
// SQLite itself), elsewhere a data reader by column name, synchronously (each row comes from a
// buffer; an awaited call per row costs more than the row). LastUpdatedUtc is kept in ticks on
// both providers (DataValueConfiguration).
public abstract class StoredValueReader : IDisposable
{
    public readonly record struct Row(int ElementId, int UnitId, string OptionCode, double Value, string? StoredBy, DateTime LastUpdatedUtc, string? Comment);

    private static readonly string[] Columns = ["DataElementId", "OrgUnitId", "OptionCode", "Value", "StoredBy", "LastUpdatedUtc", "Comment"];

    public static StoredValueReader Open(DbCommand command) => command is SqliteCommand sqlite ? new SqliteRows(sqlite) : new DataReaderRows(command);

    // Adds up to `count` rows; false once the query has given its last row.
    public abstract bool Read(List<Row> rows, int count);

    public abstract void Dispose();

    // The loops below run for millions of rows in a few calls: compiled fully optimised at once
    // rather than tier by tier (the first export of a process measured slower with tiering).
    private sealed class SqliteRows : StoredValueReader
    {
        private readonly SqliteStatement _statement;
        private readonly int _element, _unit, _option, _value, _storedBy, _updated, _comment;
        // Options and authors repeat from row to row: their strings are made once.
        private readonly Utf8Strings _options = new();
        private readonly Utf8Strings _authors = new();

        public SqliteRows(SqliteCommand command)
        {
            _statement = new SqliteStatement(command.Connection ?? throw new InvalidOperationException("The command has no connection."), command.CommandText);
            foreach (SqliteParameter parameter in command.Parameters)
                _statement.Bind(parameter.ParameterName, parameter.Value);
            var ordinals = Columns.Select(_statement.Ordinal).ToArray();
            (_element, _unit, _option, _value, _storedBy, _updated, _comment) = (ordinals[0], ordinals[1], ordinals[2], ordinals[3], ordinals[4], ordinals[5], ordinals[6]);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public override bool Read(List<Row> rows, int count)
        {
            var s = _statement;
            for (var i = 0; i < count; i++)
            {
                if (!s.Step())
                    return false;
                rows.Add(new Row(s.Int32(_element), s.Int32(_unit), _options.Get(s.Utf8(_option)), s.Double(_value),
                    s.IsNull(_storedBy) ? null : _authors.Get(s.Utf8(_storedBy)), new DateTime(s.Int64(_updated), DateTimeKind.Utc),
                    s.IsNull(_comment) ? null : Encoding.UTF8.GetString(s.Utf8(_comment))));
            }
            return true;
        }

        public override void Dispose() => _statement.Dispose();
    }

    private sealed class DataReaderRows : StoredValueReader
    {
        private readonly DbDataReader _reader;
        private readonly int _element, _unit, _option, _value, _storedBy, _updated, _comment;

        public DataReaderRows(DbCommand command)
        {
            _reader = command.ExecuteReader();
            var ordinals = Columns.Select(_reader.GetOrdinal).ToArray();
            (_element, _unit, _option, _value, _storedBy, _updated, _comment) = (ordinals[0], ordinals[1], ordinals[2], ordinals[3], ordinals[4], ordinals[5], ordinals[6]);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public override bool Read(List<Row> rows, int count)
        {
            var r = _reader;
            for (var i = 0; i < count; i++)
            {
                if (!r.Read())
                    return false;
                rows.Add(new Row(r.GetInt32(_element), r.GetInt32(_unit), r.GetString(_option), r.GetDouble(_value),
                    r.IsDBNull(_storedBy) ? null : r.GetString(_storedBy), new DateTime(r.GetInt64(_updated), DateTimeKind.Utc),
                    r.IsDBNull(_comment) ? null : r.GetString(_comment)));
            }
            return true;
        }

        public override void Dispose() => _reader.Dispose();
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
