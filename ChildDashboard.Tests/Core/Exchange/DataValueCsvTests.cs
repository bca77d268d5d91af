using System.Globalization;
using ChildDashboard.Core.Exchange;

namespace ChildDashboard.Tests.Core.Exchange;

public class DataValueCsvTests
{
    private static (List<DataValueRow> Rows, List<ImportConflict> Conflicts) Read(string csv)
    {
        var (rows, conflicts) = DataValueCsv.Read(new StringReader(csv));
        return (rows, [.. conflicts]);
    }

    // Conflict messages are made in the culture of the moment the file is read.
    private static List<ImportConflict> Conflicts(string csv, string culture)
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return Read(csv).Conflicts;
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void ReadsDhis2ColumnsInAnyOrderWithABom()
    {
        var (rows, conflicts) = Read("\uFEFFvalue,orgunit,period,dataelement,categoryoptioncombo\r\n12,01,2025Q1,HEART_SURGERY,MALE\r\n");

        Assert.Empty(conflicts);
        var row = Assert.Single(rows);
        Assert.Equal(new DataValueRow(2, "HEART_SURGERY", "2025Q1", "01", "MALE", "12"), row);
    }

    [Fact]
    public void AcceptsDhis2sOlderHeaderSpellings()
    {
        var (rows, conflicts) = Read("dataelement,period,orgunit,catoptcombo,attroptcombo,value,strby,lstupd,cmt,flwup\nA,2025,01,default,,1,nam,2025-01-01,ghi chú,false\n");

        Assert.Empty(conflicts);
        Assert.Equal("ghi chú", Assert.Single(rows).Comment);
        Assert.Equal("nam", rows[0].StoredBy);
    }

    [Fact]
    public void QuotedFieldsMayHoldCommasQuotesAndLineBreaks()
    {
        var (rows, _) = Read("dataelement,period,orgunit,value,comment\nA,2025,01,1,\"Hà Nội, \"\"quận\"\"\nhai dòng\"\nB,2025,01,2,\n");

        Assert.Equal("Hà Nội, \"quận\"\nhai dòng", rows[0].Comment);
        Assert.Equal(3, rows[1].Row);
    }

    [Fact]
    public void AnUnknownColumnIsAnErrorSoThatATypoCannotDropData()
    {
        var (rows, conflicts) = Read("dataelement,period,orgunit,valeu\nA,2025,01,1\n");

        Assert.Empty(rows);
        Assert.Contains(conflicts, c => c.Row == 1 && c.Column == "valeu");
        Assert.Contains(conflicts, c => c.Row == 1 && c.Column == "value");
    }

    [Fact]
    public void ASemicolonSeparatedFileIsNotGuessedButRefused()
    {
        var (rows, conflicts) = Read("dataelement;period;orgunit;value\nA;2025;01;1\n");

        Assert.Empty(rows);
        Assert.Contains(conflicts, c => c.Row == 1 && c.Column == "dataelement;period;orgunit;value");
    }

    [Fact]
    public void AColumnTwiceIsAnError()
    {
        var (rows, conflicts) = Read("dataelement,period,orgunit,value,comment,cmt\nA,2025,01,1,a,b\n");

        Assert.Empty(rows);
        Assert.Equal("cmt", Assert.Single(conflicts).Column);
    }

    [Fact]
    public void ARowWithTooFewFieldsNamesTheFirstColumnItLacks()
    {
        var (rows, conflicts) = Read("dataelement,period,orgunit,value\nA,2025,01\nB,2025,01,2\n");

        Assert.Equal(2, Assert.Single(conflicts).Row);
        Assert.Equal("B", Assert.Single(rows).DataElement);
        Assert.Equal(new ImportConflict(2, "value", "A,2025,01", "The row has 3 fields; the header has 4: column 4 (value) is missing."),
            Assert.Single(Conflicts("dataelement,period,orgunit,value\nA,2025,01\n", "en-US")));
    }

    [Fact]
    public void ARowWithTooManyFieldsIsRejected()
    {
        var conflict = Assert.Single(Conflicts("dataelement,period,orgunit,value\nA,2025,01,1,x\n", "vi-VN"));

        Assert.Equal(new ImportConflict(2, "", "A,2025,01,1,x", "Dòng có 5 cột, tiêu đề có 4: cột 5 không có tên trong tiêu đề."), conflict);
    }

    [Fact]
    public void AMalformedFileIsOneConflictWhereItBreaksAndGivesNoRows()
    {
        const string csv = "dataelement,period,orgunit,value\nA,2025,01,1\nB,2025,01,\"2\"x\nC,2025,01,\"3\n";

        var (rows, conflicts) = Read(csv);

        Assert.Empty(rows);
        Assert.Equal(new ImportConflict(3, "value", "\"2\"x",
            "Malformed CSV at row 3, column 4 (value): there is text right after the closing quote. A quote inside a value must be doubled (\"\"). The rest of the file was not read."),
            Assert.Single(Conflicts(csv, "en-US")));
        Assert.StartsWith("Tệp CSV bị lỗi ở dòng 3, cột 4 (value):", Assert.Single(Conflicts(csv, "vi-VN")).Message);
    }

    [Fact]
    public void AnUnclosedQuoteIsAConflictThatEchoesAShortValue()
    {
        var (rows, conflicts) = Read("dataelement,period,orgunit,value\nA,2025,01,\"1\n" + string.Concat(Enumerable.Repeat("B,2025,01,2\n", 100)));

        Assert.Empty(rows);
        var conflict = Assert.Single(conflicts);
        Assert.Equal((2, "value"), (conflict.Row, conflict.Column));
        Assert.Equal(201, conflict.Value?.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\r\n\r\n")]
    public void AnEmptyFileIsRefused(string csv)
    {
        Assert.Equal(new ImportConflict(1, "", null, "The file is empty: a header row is required."), Assert.Single(Conflicts(csv, "en-US")));
        Assert.Equal("Tệp trống: cần có dòng tiêu đề.", Assert.Single(Conflicts(csv, "vi-VN")).Message);
    }

    [Fact]
    public void AHeaderAloneIsAFileWithoutRows()
    {
        var (rows, conflicts) = Read("dataelement,period,orgunit,value");

        Assert.Empty(rows);
        Assert.Empty(conflicts);
    }

    [Fact]
    public void BlankLinesAtTheEndAreIgnored()
    {
        var (rows, conflicts) = Read("dataelement,period,orgunit,value\r\nA,2025,01,1\r\n\r\n\r\n");

        Assert.Empty(conflicts);
        Assert.Single(rows);
    }

    [Fact]
    public void ABlankLineBeforeTheEndIsAConflictAndTheRowsAfterItKeepTheirNumbers()
    {
        const string csv = "dataelement,period,orgunit,value\nA,2025,01,1\n\nB,2025,01,2\n";

        var (rows, _) = Read(csv);

        Assert.Equal([2, 4], rows.Select(r => r.Row));
        Assert.Equal(new ImportConflict(3, "", null, "Row 3 is blank; blank lines are only allowed at the end of the file."), Assert.Single(Conflicts(csv, "en-US")));
        Assert.Equal("Dòng 3 trống; dòng trống chỉ được phép ở cuối tệp.", Assert.Single(Conflicts(csv, "vi-VN")).Message);
    }

    [Fact]
    public void AHeaderCellWithoutANameIsAConflict()
    {
        var conflict = Assert.Single(Conflicts("dataelement,period,,orgunit,value\nA,2025,x,01,1\n", "en-US"));

        Assert.Equal(new ImportConflict(1, "", "", "Column 3 of the header has no name."), conflict);
    }

    [Fact]
    public void AMissingRequiredColumnIsAConflict()
    {
        var conflict = Assert.Single(Conflicts("dataelement,period,value\nA,2025,1\n", "en-US"));

        Assert.Equal(new ImportConflict(1, "orgunit", null, "The required column 'orgunit' is missing."), conflict);
    }

    [Fact]
    public void WritesAllElevenColumnsAndQuotesWhereNeeded()
    {
        var writer = new StringWriter();

        DataValueCsv.Write(writer, [new ExportedValue("HEART_SURGERY", "2025Q1", "01", "MALE", 12, "nam", new DateTime(2025, 4, 10, 9, 0, 0), "a, b")]);

        Assert.Equal(
            "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted\r\n" +
            "HEART_SURGERY,2025Q1,01,MALE,,12,nam,2025-04-10T09:00:00.000,\"a, b\",false,\r\n",
            writer.ToString());
    }

    // The streamed export writes UTF-8 bytes itself (Utf8CsvWriter): it must be the same text, byte
    // for byte, as the CsvWriter and the invariant formats give, for every kind of field.
    [Fact]
    public async Task TheStreamedCsvIsTheSameTextAsTheWrittenOne()
    {
        var longComment = string.Concat(Enumerable.Repeat("dài \"quá\", ", 20_000));
        ExportedValue[] values =
        [
            new("HEART_SURGERY", "2025Q1", "01", "MALE", 12, "nam", new DateTime(2025, 4, 10, 9, 0, 0, DateTimeKind.Utc), "a, b"),
            new("A", "2025", "15", "default", 0.1, null, new DateTime(1, 1, 1, 0, 0, 0, 999, DateTimeKind.Utc).AddTicks(9_999), null),
            new("A", "2025", "15", "", 1.7976931348623157E+308, "", new DateTime(9999, 12, 31, 23, 59, 59, 999, DateTimeKind.Utc), "\"=HYPERLINK(\"\"x\"\")\""),
            new("B", "2025M12", "01001", "FEMALE", 5e-324, "người nhập", new DateTime(2026, 1, 2, 3, 4, 5, 60), "dòng 1\r\ndòng 2\nba\rbốn 🙂 \ud800 lẻ"),
            new("C", "2025S1", "01", "MALE", -0.0, "x\"y", new DateTime(2025, 6, 30, 12, 0, 0, DateTimeKind.Local), longComment),
            new("D", "2025Q4", "01", "MALE", 123456789012345678, "a,b", DateTime.MinValue, ","),
            new("E", "2025Q4", "01", "MALE", 1e21, "\"", DateTime.MaxValue, "\r"),
        ];
        // And enough rows for the 64 KB chunks to be written in the middle of a batch.
        values = [.. values, .. Enumerable.Repeat(values[3], 2_000)];
        var expected = new StringWriter();
        DataValueCsv.Write(expected, values);

        using var stream = new MemoryStream();
        await DataValueCsv.WriteAsync(stream, ToAsync(values), CancellationToken.None);

        Assert.Equal(new System.Text.UTF8Encoding(false).GetBytes(expected.ToString()), stream.ToArray());
    }

    // In batches, as the export service hands them over.
    private static async IAsyncEnumerable<ExportedValue[]> ToAsync(IEnumerable<ExportedValue> values)
    {
        foreach (var batch in values.Chunk(1_000))
        {
            await Task.Yield();
            yield return batch;
        }
    }
}
