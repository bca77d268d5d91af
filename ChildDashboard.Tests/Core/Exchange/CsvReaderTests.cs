using System.Globalization;
using ChildDashboard.Core.Exchange;

namespace ChildDashboard.Tests.Core.Exchange;

public class CsvReaderTests
{
    private const string Header = "dataelement,period,orgunit,value,comment\n";

    private static List<CsvRecord> Read(string csv) => CsvReader.Read(new StringReader(csv)).ToList();

    // The message is made in the culture of the moment it is thrown.
    private static MalformedCsvException Refused(string csv, string culture = "en-US")
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return Assert.Throws<MalformedCsvException>(() => Read(csv));
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    private static void AssertAt(MalformedCsvException e, CsvProblem problem, int row, int column, string? columnName)
    {
        Assert.Equal(problem, e.Problem);
        Assert.Equal(row, e.Row);
        Assert.Equal(column, e.Column);
        Assert.Equal(columnName, e.ColumnName);
    }

    [Fact]
    public void ReaderTakesCrlfAndLfEndingsAlike()
    {
        var crlf = Read("a,b\r\n1,2\r\n3,4\r\n");
        var lf = Read("a,b\n1,2\n3,4");

        Assert.Equal(crlf.Select(r => (r.Row, string.Join("|", r.Fields))), lf.Select(r => (r.Row, string.Join("|", r.Fields))));
        Assert.Equal(["3", "4"], lf[2].Fields);
    }

    [Fact]
    public void QuotedFieldsKeepCommasDoubledQuotesAndLineBreaksAndRowsCountAsInASpreadsheet()
    {
        var records = Read(Header + "A,2025,01,1,\"Hà Nội, \"\"quận\"\"\r\nhai dòng\"\nB,2025,01,\"\",\"\"\"\"\n");

        Assert.Equal("Hà Nội, \"quận\"\r\nhai dòng", records[1].Fields[4]);
        Assert.Equal(3, records[2].Row);
        Assert.Equal(["B", "2025", "01", "", "\""], records[2].Fields);
    }

    [Fact]
    public void ACarriageReturnOrATabInsideQuotesIsData()
    {
        var records = Read("a,b\n\"x\ry\",\"p\tq\"\n");

        Assert.Equal(["x\ry", "p\tq"], records[1].Fields);
    }

    [Fact]
    public void AByteOrderMarkAtTheStartIsNotPartOfTheFirstColumn()
    {
        var records = Read("\uFEFFa,b\r\n1,2\r\n");

        Assert.Equal(["a", "b"], records[0].Fields);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\n")]
    public void AnEmptyFileHasNoRecords(string csv)
    {
        Assert.Empty(Read(csv));
    }

    [Fact]
    public void BlankLinesAtTheEndAreDropped()
    {
        var records = Read("a,b\r\n1,2\r\n\r\n\r\n");

        Assert.Equal([1, 2], records.Select(r => r.Row));
    }

    [Fact]
    public void ABlankLineBeforeTheEndIsARecordWithoutFields()
    {
        var records = Read("a,b\n1,2\n\n3,4\n\n");

        Assert.Equal([1, 2, 3, 4], records.Select(r => r.Row));
        Assert.Empty(records[2].Fields);
        Assert.Equal(["3", "4"], records[3].Fields);
    }

    [Theory]
    [InlineData("\"1\"2")]
    [InlineData("\"1\" ")]
    [InlineData("\"1\"\"2\"3")]
    public void ReaderRefusesTextAfterAClosingQuote(string value)
    {
        var csv = Header + "A,2025,01,1,\nA,2025,02," + value + ",ghi chú\n";

        var e = Refused(csv);

        AssertAt(e, CsvProblem.TextAfterClosingQuote, 3, 4, "value");
        Assert.Equal(value, e.RawValue);
        Assert.Equal("Malformed CSV at row 3, column 4 (value): there is text right after the closing quote. A quote inside a value must be doubled (\"\"). The rest of the file was not read.", e.Message);
        Assert.Equal("Tệp CSV bị lỗi ở dòng 3, cột 4 (value): có ký tự ngay sau dấu ngoặc kép đóng. Dấu ngoặc kép bên trong một giá trị phải được viết đôi (\"\"). Phần còn lại của tệp chưa được đọc.",
            Refused(csv, "vi-VN").Message);
    }

    [Theory]
    [InlineData("a\"b")]
    [InlineData("ab\"")]
    [InlineData(" \"ab\"")]
    public void ReaderRefusesAQuoteInsideAnUnquotedField(string comment)
    {
        var e = Refused(Header + "A,2025,01,1," + comment + "\n");

        AssertAt(e, CsvProblem.QuoteInUnquotedField, 2, 5, "comment");
        Assert.Equal(comment, e.RawValue);
        Assert.Equal("Malformed CSV at row 2, column 5 (comment): a quote appears in a value that is not enclosed in quotes. Enclose the value in quotes and double the quote inside (\"a\"\"b\"). The rest of the file was not read.", e.Message);
    }

    [Fact]
    public void ReaderRefusesAQuoteThatIsNeverClosedAndEchoesOnlyTheStartOfWhatItHolds()
    {
        var rest = string.Concat(Enumerable.Repeat("B,2025,01,2,x\n", 50));

        var e = Refused(Header + "A,2025,01,1,\"ghi chú\n" + rest);

        AssertAt(e, CsvProblem.UnclosedQuote, 2, 5, "comment");
        Assert.Equal(201, e.RawValue.Length);
        Assert.StartsWith("\"ghi chú\nB,2025", e.RawValue);
        Assert.EndsWith("…", e.RawValue);
        Assert.Equal("Malformed CSV at row 2, column 5 (comment): the quote that opens this value is never closed. The rest of the file was not read.", e.Message);
        Assert.Equal("Tệp CSV bị lỗi ở dòng 2, cột 5 (comment): dấu ngoặc kép mở giá trị này không bao giờ được đóng. Phần còn lại của tệp chưa được đọc.",
            Refused(Header + "A,2025,01,1,\"ghi chú\n", "vi-VN").Message);
    }

    [Theory]
    [InlineData("A,2025,01,1,x\rB,2025,01,2,y\n")]
    [InlineData("A,2025,01,1,x\r")]
    [InlineData("A,2025,01,1,x\r\rB,2025,01,2,y\r\n")]
    public void ReaderRefusesACarriageReturnWithoutALineFeed(string rows)
    {
        var e = Refused(Header + rows);

        AssertAt(e, CsvProblem.LoneCarriageReturn, 2, 5, "comment");
        Assert.Equal("x", e.RawValue);
        Assert.Equal("Malformed CSV at row 2, column 5 (comment): a carriage return (CR) without a line feed follows this value. Save the file with CRLF or LF line endings. The rest of the file was not read.", e.Message);
        Assert.Equal("Tệp CSV bị lỗi ở dòng 2, cột 5 (comment): sau giá trị này có ký tự CR đứng một mình (không có LF). Hãy lưu tệp với kiểu xuống dòng CRLF hoặc LF. Phần còn lại của tệp chưa được đọc.",
            Refused(Header + rows, "vi-VN").Message);
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x1B)]
    [InlineData(0x7F)]
    public void ReaderRefusesAControlCharacterOutsideQuotes(int code)
    {
        var value = "1" + (char)code;

        var e = Refused(Header + "A,2025,01," + value + ",\n");

        AssertAt(e, CsvProblem.ControlCharacter, 2, 4, "value");
        Assert.Equal(value, e.RawValue);
        Assert.Equal("Malformed CSV at row 2, column 4 (value): it holds a control character (U+0000–U+001F or U+007F, tab excepted), which a CSV file may not contain; the file may not be UTF-8 text. The rest of the file was not read.", e.Message);
    }

    [Fact]
    public void ReaderRefusesAControlCharacterInsideQuotesToo()
    {
        var e = Refused(Header + "A,2025,01,1,\"a\0b\"\n");

        AssertAt(e, CsvProblem.ControlCharacter, 2, 5, "comment");
        Assert.Equal("\"a\0b\"", e.RawValue);
    }

    [Fact]
    public void ReaderRefusesAByteOrderMarkAfterTheStartAsFromTwoFilesJoined()
    {
        var e = Refused("\uFEFF" + Header + "A,2025,01,1,\n" + "\uFEFF" + Header + "B,2025,01,2,\n");

        AssertAt(e, CsvProblem.ByteOrderMark, 3, 1, "dataelement");
        Assert.Equal("\uFEFFdataelement", e.RawValue);
        Assert.Equal("Malformed CSV at row 3, column 1 (dataelement): it holds a byte order mark (U+FEFF), which is only allowed at the start of the file; were two files joined? The rest of the file was not read.", e.Message);
        Assert.Equal("Tệp CSV bị lỗi ở dòng 3, cột 1 (dataelement): có dấu BOM (U+FEFF), chỉ được phép ở đầu tệp; có thể hai tệp đã bị ghép lại. Phần còn lại của tệp chưa được đọc.",
            Refused("\uFEFF" + Header + "A,2025,01,1,\n" + "\uFEFF" + Header, "vi-VN").Message);
    }

    [Fact]
    public void AfterAQuotedFieldSpanningLinesTheMessageGivesTheRowAndTheLineInATextEditor()
    {
        var e = Refused(Header + "A,2025,01,1,\"hai\ndòng\"\nB,2025,01,\"2\"x,\n");

        AssertAt(e, CsvProblem.TextAfterClosingQuote, 3, 4, "value");
        Assert.Equal(4, e.Line);
        Assert.StartsWith("Malformed CSV at row 3 (line 4 in a text editor), column 4 (value):", e.Message);
        Assert.StartsWith("Tệp CSV bị lỗi ở dòng 3 (dòng 4 trong trình soạn thảo văn bản), cột 4 (value):", Refused(Header + "A,2025,01,1,\"hai\ndòng\"\nB,2025,01,\"2\"x,\n", "vi-VN").Message);
    }

    [Fact]
    public void AProblemInTheHeaderGivesTheColumnWithoutAName()
    {
        var e = Refused("dataelement,\"period\"s,orgunit\n");

        AssertAt(e, CsvProblem.TextAfterClosingQuote, 1, 2, null);
        Assert.StartsWith("Malformed CSV at row 1, column 2: there is text", e.Message);
    }

    [Fact]
    public void RecordsBeforeTheFirstMalformedOneAreReadAndNothingAfterIt()
    {
        var read = new List<int>();

        Assert.Throws<MalformedCsvException>(() =>
        {
            foreach (var record in CsvReader.Read(new StringReader(Header + "A,2025,01,1,\nB,2025,01,2\",\nC,2025,01,3,\n")))
                read.Add(record.Row);
        });

        Assert.Equal([1, 2], read);
    }
}
