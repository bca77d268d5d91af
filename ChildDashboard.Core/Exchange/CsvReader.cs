using System.Buffers;
using System.Text;
using CsvHelper;

namespace ChildDashboard.Core.Exchange;

// RFC 4180 CSV read strictly (exchange.md §1). CsvHelper tokenizes: comma-separated fields, quoted
// fields that may hold commas, doubled quotes, CR and LF, CRLF or LF line endings, a UTF-8 BOM at the
// start. The first malformed record stops the reading with a MalformedCsvException; nothing is
// repaired. Malformed is what CsvHelper reports (text after a closing quote, a quote in an unquoted
// field, an unclosed quote) and, checked here, a CR without LF ending a record, a control character
// other than tab (CR and LF count as data inside quotes only), and a BOM after the start.
// Records are numbered as a spreadsheet numbers rows: the header is row 1, a record whose quoted
// field spans lines is one row, a blank line is a row. Blank lines at the end are dropped; any other
// blank line comes as a record without fields.
public static class CsvReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Control characters other than tab, CR and LF, and EF, the first byte of a BOM (EF BB BF) and of
    // a few other characters, so a hit on EF is looked at.
    private static readonly SearchValues<byte> Suspicious = SearchValues.Create(
        [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0B, 0x0C, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16,
         0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F, 0x7F, 0xEF]);

    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        Mode = CsvMode.Rfc4180,
        // The header is row 1, read and checked like any other record.
        HasHeader = false,
        TrimWhitespace = false,
        AllowLineBreaksInQuotes = true,
        SkipEmptyLines = false,
        TrackLineNumbers = true,
        // Recover, and refuse the reported record here: unlike a thrown exception, the record then
        // comes back with its fields, which locate the column.
        MalformedData = CsvMalformedDataHandling.Recover,
        // CsvTable measures each row against the header and reports every row of the wrong width.
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        // Imports keep every row until they are checked, and codes, periods and options repeat.
        PoolStrings = true,
    };

    public static IEnumerable<CsvRecord> Read(TextReader reader)
    {
        var input = Utf8Of(reader);
        CsvMalformedRecord? malformed = null;
        using var csv = CsvHelper.CsvReader.Create(input, Options with { OnMalformedRecord = m => malformed ??= m });
        string[]? header = null;
        var blankRows = new List<int>();
        while (csv.Read())
        {
            var record = Check(csv, input.Span, malformed, header);
            if (record.Fields.Length == 0)
            {
                blankRows.Add(record.Row);
                continue;
            }
            foreach (var blank in blankRows)
                yield return new CsvRecord(blank, []);
            blankRows.Clear();
            if (record.Row == 1)
                header = record.Fields;
            yield return record;
        }
    }

    // CsvHelper reads UTF-8 in place, so a record's line break can be looked at in the input. A chunk at a
    // time: a string of the whole file first would cost more than the parsing.
    private static ReadOnlyMemory<byte> Utf8Of(TextReader reader)
    {
        var chars = ArrayPool<char>.Shared.Rent(1 << 16);
        try
        {
            var encoder = StrictUtf8.GetEncoder();
            // A UTF-8 stream's length is the size needed: no copies while the buffer grows.
            var output = new ArrayBufferWriter<byte>(reader is StreamReader { BaseStream.CanSeek: true } s
                ? (int)Math.Clamp(s.BaseStream.Length - s.BaseStream.Position + 16, 1 << 16, Array.MaxLength)
                : 1 << 16);
            int read;
            while ((read = reader.Read(chars)) > 0)
                output.Advance(encoder.GetBytes(chars.AsSpan(0, read), output.GetSpan(StrictUtf8.GetMaxByteCount(read)), flush: false));
            output.Advance(encoder.GetBytes([], output.GetSpan(StrictUtf8.GetMaxByteCount(0)), flush: true));
            return output.WrittenMemory;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static CsvRecord Check(CsvHelper.CsvReader csv, ReadOnlySpan<byte> input, CsvMalformedRecord? malformed, string[]? header)
    {
        var raw = csv.RawRecord;
        var start = (int)csv.ByteOffset;
        // CsvHelper reports a record just before it returns it.
        if (malformed is { } m && m.RecordNumber == csv.RowNumber)
        {
            throw Malformed(csv, header, m.Reason switch
            {
                CsvMalformedReason.TextAfterClosingQuote => CsvProblem.TextAfterClosingQuote,
                CsvMalformedReason.StrayQuote => CsvProblem.QuoteInUnquotedField,
                CsvMalformedReason.UnterminatedQuote => CsvProblem.UnclosedQuote,
                var other => throw new InvalidOperationException($"CsvHelper reported {other}, which these options do not allow."),
            }, (int)m.ByteOffset - start);
        }

        for (var at = raw.IndexOfAny(Suspicious); at >= 0;)
        {
            if (raw[at] != 0xEF)
                throw Malformed(csv, header, CsvProblem.ControlCharacter, at);
            if (raw[at..].StartsWith("\uFEFF"u8))
                throw Malformed(csv, header, CsvProblem.ByteOrderMark, at);
            var next = raw[(at + 1)..].IndexOfAny(Suspicious);
            at = next < 0 ? -1 : at + 1 + next;
        }

        // CsvHelper ends a record at a lone CR, as old Mac files do; RFC 4180 ends lines with CRLF.
        var end = start + raw.Length;
        if (end < input.Length && input[end] == '\r' && (end + 1 == input.Length || input[end + 1] != '\n'))
            throw Malformed(csv, header, CsvProblem.LoneCarriageReturn, raw.Length);

        var row = (int)csv.RowNumber;
        if (raw.IsEmpty)
            return new CsvRecord(row, []);
        var fields = new string[csv.FieldCount];
        for (var i = 0; i < fields.Length; i++)
            fields[i] = csv.GetString(i);
        return new CsvRecord(row, fields);
    }

    // offset: in bytes from the start of the record. The raw fields lie one separator apart.
    private static MalformedCsvException Malformed(CsvHelper.CsvReader csv, string[]? header, CsvProblem problem, int offset)
    {
        var field = 0;
        for (var fieldStart = 0; field < csv.FieldCount - 1 && offset > fieldStart + csv.GetRawSpan(field).Length; field++)
            fieldStart += csv.GetRawSpan(field).Length + 1;
        var row = (int)csv.RowNumber;
        var raw = csv.GetRawSpan(field);
        // Enough bytes for the echo of ImportConflict.Shorten, not the rest of the file an unclosed quote holds.
        var value = ImportConflict.Shorten(Encoding.UTF8.GetString(raw[..Math.Min(raw.Length, 1024)]));
        var name = row > 1 && header is not null && field < header.Length ? header[field].Trim() : null;
        return new MalformedCsvException(problem, row, (int)csv.LineNumber, field + 1, name, value);
    }
}
