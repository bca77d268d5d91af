using ChildDashboard.Core.Exchange.Xlsx;

namespace ChildDashboard.Tests.Core.Exchange;

// The sheet is read in one pass of the XML reader: the forms Excel and other writers use for cells
// must come out as they are stored, whatever the order and nesting of their parts.
public class XlsxWorkbookTests
{
    private static XlsxSheet Read(string sheetData, string? sharedStrings = null)
    {
        var file = new XlsxFile().Sheet("DataValues", new object?[] { "placeholder" })
            .Edit("xl/worksheets/sheet1.xml", _ =>
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" +
                sheetData + "</worksheet>");
        if (sharedStrings is not null)
        {
            file.Edit("xl/sharedStrings.xml", _ =>
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" + sharedStrings + "</sst>");
        }
        using var workbook = XlsxWorkbook.Open(new MemoryStream(file.Bytes()), new XlsxLimits(1 << 24));
        return workbook.ReadSheet("DataValues");
    }

    [Fact]
    public void InlineAndSharedRichTextAreJoinedWithoutPhoneticGuides()
    {
        var sheet = Read(
            "<sheetData><row r=\"1\">" +
            "<c r=\"A1\" t=\"inlineStr\"><is><r><rPr><b/></rPr><t>Hà </t></r><r><t xml:space=\"preserve\">Nội</t></r><rPh sb=\"0\" eb=\"1\"><t>ハ</t></rPh></is></c>" +
            "<c r=\"B1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"s\"><v>1</v></c><c r=\"D1\" t=\"inlineStr\"><is/></c><c r=\"E1\" t=\"s\"><v>2</v></c>" +
            "</row></sheetData>",
            "<si><t>MALE</t></si><si><r><t>a</t></r><rPh><t>x</t></rPh><r><t>b</t></r><phoneticPr fontId=\"1\"/></si><si/>");

        var row = Assert.Single(sheet.Rows);
        Assert.Equal(["Hà Nội", "MALE", "ab"], row.Cells.Select(c => c.Text));
        Assert.Equal([1, 2, 3], row.Cells.Select(c => c.Column));
    }

    [Fact]
    public void CellsAndRowsWithoutReferencesFollowThePreviousOnes()
    {
        var sheet = Read("<sheetData><row r=\"3\"><c r=\"B3\"><v>1</v></c><c><v>2</v></c></row><row><c><v/></c><c t=\"str\"><v>x</v></c></row></sheetData>");

        Assert.Equal([3, 4], sheet.Rows.Select(r => r.Number));
        Assert.Equal([(2, "1"), (3, "2")], sheet.Rows[0].Cells.Select(c => (c.Column, c.Text)));
        Assert.Equal([(2, "x")], sheet.Rows[1].Cells.Select(c => (c.Column, c.Text)));
    }

    [Fact]
    public void AFormulaIsFoundWhereverItStandsInItsCell()
    {
        var sheet = Read(
            "<sheetData><row r=\"1\"><c r=\"A1\"><v>5</v><f>B1*2</f></c><c r=\"B1\"><f/><v>3</v></c><c r=\"C1\"><extLst><ext><v>7</v></ext></extLst></c>" +
            "<c r=\"D1\" t=\"e\"><v>#DIV/0!</v></c><c r=\"E1\" t=\"b\"><v>1</v></c><c r=\"F1\" s=\"0\"><v>0</v></c></row></sheetData>" +
            "<mergeCells count=\"1\"><mergeCell ref=\"B2:A3\"/></mergeCells>");

        var cells = Assert.Single(sheet.Rows).Cells;
        Assert.Equal([true, true, false, false, false, false], cells.Select(c => c.Formula));
        Assert.Equal(["5", "3", "7", "#DIV/0!", "1", "0"], cells.Select(c => c.Text));
        Assert.Equal([XlsxCellKind.Number, XlsxCellKind.Number, XlsxCellKind.Number, XlsxCellKind.Error, XlsxCellKind.Boolean, XlsxCellKind.Number], cells.Select(c => c.Kind));
        Assert.Equal("A2:B3", Assert.Single(sheet.Merges).Reference);
    }
}
