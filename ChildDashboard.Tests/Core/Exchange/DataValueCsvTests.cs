using ChildDashboard.Core.Exchange;

namespace ChildDashboard.Tests.Core.Exchange;

public class DataValueCsvTests
{
    private static (List<DataValueRow> Rows, List<ImportConflict> Conflicts) Read(string csv) => DataValueCsv.Read(new StringReader(csv));

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
    public void AColumnTwiceIsAnError()
    {
        var (rows, conflicts) = Read("dataelement,period,orgunit,value,comment,cmt\nA,2025,01,1,a,b\n");

        Assert.Empty(rows);
        Assert.Equal("cmt", Assert.Single(conflicts).Column);
    }

    [Fact]
    public void ARowWithTheWrongNumberOfFieldsIsRejected()
    {
        var (_, conflicts) = Read("dataelement,period,orgunit,value\nA,2025,01\n");

        Assert.Equal(2, Assert.Single(conflicts).Row);
    }

    [Fact]
    public void AnUnclosedQuoteIsAFormatError()
    {
        Assert.Throws<FormatException>(() => Read("dataelement,period,orgunit,value\nA,2025,01,\"1\n"));
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
}
