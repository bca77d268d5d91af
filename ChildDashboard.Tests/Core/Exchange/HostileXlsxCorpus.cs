using System.IO.Compression;
using System.Text;
using ChildDashboard.Core.Exchange;
using static ChildDashboard.Tests.Core.Exchange.XlsxFile;

namespace ChildDashboard.Tests.Core.Exchange;

// Broken, careless and hostile .xlsx files, each with the message it must be refused with (English).
// Built by code: the bytes are the test, so a change to the reader meets the same files every time.
internal static class HostileXlsxCorpus
{
    public sealed record Case(string Name, Func<byte[]> File, string Message, bool InScopeOfHaNoiOnly = false);

    private static readonly object?[] Header = ["dataelement", "period", "orgunit", "categoryoptioncombo", "value", "comment"];

    private static byte[] Values(params object?[][] rows) => new XlsxFile().Sheet("DataValues", [Header, .. rows]).Bytes();

    private static readonly object?[] GoodRow = ["HEART_SURGERY", "2025Q3", "15", "MALE", 4, null];

    // A real sheet of 400 MB of XML that deflates to a few hundred KB.
    private static readonly Lazy<byte[]> Bomb = new(() => Zip(("[Content_Types].xml", Encoding.UTF8.GetBytes("<Types/>")),
        ("xl/workbook.xml", Encoding.UTF8.GetBytes("<workbook/>")), ("xl/worksheets/sheet1.xml", Filler(400L * 1024 * 1024))));

    public static IReadOnlyList<Case> Cases { get; } =
    [
        new("not a zip (a CSV renamed)", () => Encoding.UTF8.GetBytes("dataelement,period,orgunit,value\n"), "not a zip file"),
        new("an empty file", () => [], "not a zip file"),
        new("an Excel 97-2003 or encrypted file", () => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0], "Excel 97–2003"),
        new("a truncated zip", () => Values(GoodRow)[..200], "damaged"),
        new("a zip that is not a workbook", () => Zip(("readme.txt", "hello"u8.ToArray())), "xl/workbook.xml is missing"),
        new("a zip bomb (400 MB sheet)", () => Bomb.Value, "zip bomb"),
        new("a zip whose header lies about a part's size", LyingSize, "zip bomb"),
        new("too many parts", () => Zip([.. Enumerable.Range(0, 1001).Select(i => ($"x/{i}.xml", "<a/>"u8.ToArray()))]), "no more than 1,000"),
        new("VBA macros", () => new XlsxFile().Sheet("DataValues", Header, GoodRow).Part("xl/vbaProject.bin", "binary").Bytes(), "macros"),
        new("a macro-enabled content type (.xlsm)", () => new XlsxFile().Sheet("DataValues", Header, GoodRow).MacroEnabled().Bytes(), "macro-enabled"),
        new("an ActiveX control", () => new XlsxFile().Sheet("DataValues", Header, GoodRow).Part("xl/activeX/activeX1.xml", "<ax/>").Bytes(), "ActiveX"),
        new("an external link part", () => new XlsxFile().Sheet("DataValues", Header, GoodRow)
            .Part("xl/externalLinks/externalLink1.xml", "<externalLink/>").Bytes(), "external links"),
        new("an external link content type", () => new XlsxFile().Sheet("DataValues", Header, GoodRow)
            .Part("xl/links/l1.xml", "<externalLink/>", "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml").Bytes(), "external links"),
        new("a relationship to an outside target", () => new XlsxFile().Sheet("DataValues", Header, GoodRow)
            .Relationship("<Relationship Id=\"rIdX\" Type=\"http://x/externalLinkPath\" Target=\"file:///C:/other.xlsx\" TargetMode=\"External\"/>").Bytes(), "links outside the file"),
        new("a DTD in a sheet", () => new XlsxFile().Sheet("DataValues", Header, GoodRow)
            .Edit("xl/worksheets/sheet1.xml", x => x.Replace("<worksheet", "<!DOCTYPE worksheet [<!ELEMENT worksheet ANY>]><worksheet")).Bytes(), "declares a DTD"),
        new("an external entity (XXE) in the shared strings", () => new XlsxFile().Sheet("DataValues", Header, GoodRow)
            .Edit("xl/sharedStrings.xml", x => x.Replace("<sst", "<!DOCTYPE sst [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><sst").Replace(">HEART_SURGERY<", ">&xxe;<")).Bytes(), "declares a DTD"),
        new("a billion laughs in the workbook", () => new XlsxFile().Sheet("DataValues", Header, GoodRow)
            .Edit("xl/workbook.xml", x => x.Replace("<workbook", "<!DOCTYPE workbook [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><workbook")).Bytes(), "declares a DTD"),
        new("broken XML in a sheet", () => new XlsxFile().Sheet("DataValues", Header, GoodRow)
            .Edit("xl/worksheets/sheet1.xml", x => x.Replace("</sheetData>", "<row>")).Bytes(), "not valid XML"),
        new("a shared string that does not exist", () => new XlsxFile().Sheet("DataValues", Header, GoodRow)
            .Edit("xl/worksheets/sheet1.xml", x => x.Replace("t=\"s\"><v>0</v>", "t=\"s\"><v>999</v>")).Bytes(), "shared string table"),
        new("no DataValues sheet", () => new XlsxFile().Sheet("Sheet1", Header, GoodRow).Bytes(), "There is no sheet 'DataValues'"),
        new("a renamed DataValues sheet", () => new XlsxFile().Sheet("Data Values (2)", Header, GoodRow).Bytes(), "seems to have been renamed"),
        new("an empty DataValues sheet", () => new XlsxFile().Sheet("DataValues").Bytes(), "is empty"),
        new("a table shifted down and right", () => new XlsxFile().Sheet("DataValues").At(2, 2, Header).At(3, 2, GoodRow).Bytes(), "must start in cell A1"),
        new("a misspelt column", () => new XlsxFile().Sheet("DataValues", ["dataelement", "period", "orgunit", "categoryoptioncombo", "valeu"], GoodRow[..5]).Bytes(), "'valeu' (cell E1) is not part of the format"),
        new("a missing required column", () => new XlsxFile().Sheet("DataValues", ["dataelement", "period", "orgunit"], GoodRow[..3]).Bytes(), "required column 'value' is missing"),
        new("a header that is a number", () => new XlsxFile().Sheet("DataValues", [.. Header, 2025], [.. GoodRow, 1]).Bytes(), "must be text"),
        new("merged cells in the data", () => new XlsxFile().Sheet("DataValues", Header, GoodRow).Merge("A2:B2").Bytes(), "A2:B2 are merged"),
        new("a value in a column without a header", () => new XlsxFile().Sheet("DataValues", Header, [.. GoodRow, "lạc"]).Bytes(), "column G has no header"),
        new("a formula where a number belongs", () => Values(["HEART_SURGERY", "2025Q3", "15", "MALE", new Formula("2+2", "4"), null]), "Cell E2 holds a formula"),
        new("an error cell", () => Values(["HEART_SURGERY", "2025Q3", "15", "MALE", new ErrorValue("#DIV/0!"), null]), "holds the error #DIV/0!"),
        new("a value Excel turned into a date", () => Values(["HEART_SURGERY", "2025Q3", "15", "MALE", new DateSerial(45000), null]), "Cell E2 (value) is a date"),
        new("a period typed as a date", () => Values(["HEART_SURGERY", new DateSerial(45839), "15", "MALE", 4, null]), "Cell B2 (period) is a date"),
        new("a unit code that lost its leading zero", () => Values(["HEART_SURGERY", "2025Q3", 1, "MALE", 4, null]), "a leading zero may be lost"),
        new("text where a number belongs", () => Values(["HEART_SURGERY", "2025Q3", "15", "MALE", "mười", null]), "'mười' is not a number"),
        new("a negative number", () => Values(["HEART_SURGERY", "2025Q3", "15", "MALE", -3, null]), "cannot be negative"),
        new("a fraction in a count", () => Values(["HEART_SURGERY", "2025Q3", "15", "MALE", 2.5, null]), "a whole number is required"),
        new("a duplicate key", () => Values(GoodRow, ["HEART_SURGERY", "2025Q3", "15", "MALE", 5, null]), "Duplicate of row 2"),
        new("an unknown data element", () => Values(["HEART_SURGERYY", "2025Q3", "15", "MALE", 4, null]), "Unknown data element 'HEART_SURGERYY'"),
        new("an unknown unit", () => Values(["HEART_SURGERY", "2025Q3", "99", "MALE", 4, null]), "Unknown unit code '99'"),
        new("a unit closed in the period", () => Values(["HEART_SURGERY", "2025Q3", "02", "MALE", 4, null]), "No unit with code '02' was open on 2025-07-01"),
        new("a period of the wrong type", () => Values(["POP_U5", "2025Q3", "15", null, 120000, null]), "POP_U5 is reported yearly"),
        new("a missing option", () => Values(["HEART_SURGERY", "2025Q3", "15", null, 4, null]), "needs one of the options"),
        new("a unit outside the user's scope", () => Values(GoodRow), "is outside your scope", InScopeOfHaNoiOnly: true),
        new("a value in an approved form", () => Values(["HEART_SURGERY", "2025Q4", "01", "MALE", 4, null]), "is approved and locked"),
        new("a template whose columns were shifted", () => Template(shifted: true, ["HEART_SURGERY", "MALE", "2025Q3", "15", "x", "Nam", "Số đếm", null, 4]), "layout was changed"),
        new("a template with a comment but no value", () => Template(shifted: false, ["HEART_SURGERY", "MALE", "2025Q3", "15", "x", "Nam", "Số đếm", null, null, "ghi chú"]), "a comment but no value"),
        new("a template with a value outside the form", () => Template(shifted: false, ["HEART_SURGERY", "MALE", "2025Q3", "15", "x", "Nam", "Số đếm", null, 4, null, 7]), "is outside the template"),
        new("a template with a fraction", () => Template(shifted: false, ["HEART_SURGERY", "MALE", "2025Q3", "15", "x", "Nam", "Số đếm", null, 0.5]), "a whole number is required"),
    ];

    private static byte[] Template(bool shifted, object?[] row)
    {
        object?[] header = [.. EntryTemplateLayout.Columns.Select(c => (object?)c.Vi)];
        var file = new XlsxFile().Sheet(EntryTemplateLayout.SheetVi).At(1, 1, "Biểu nhập số liệu").Merge("A1:J1");
        return file.At(EntryTemplateLayout.HeaderRow, shifted ? 2 : 1, header).At(EntryTemplateLayout.FirstDataRow, shifted ? 2 : 1, row).Bytes();
    }

    private static byte[] Filler(long size)
    {
        var bytes = new byte[size];
        Array.Fill(bytes, (byte)' ');
        return bytes;
    }

    private static byte[] Zip(params (string Path, byte[] Content)[] parts)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in parts)
            {
                using var entry = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
                entry.Write(content);
            }
        }
        return output.ToArray();
    }

    // A workbook whose sheet declares 2 KB in both zip headers but inflates to 3 MB.
    private static byte[] LyingSize()
    {
        var sheet = Encoding.UTF8.GetBytes("<worksheet><sheetData>" + new string(' ', 3 * 1024 * 1024) + "</sheetData></worksheet>");
        var bytes = new XlsxFile().Sheet("DataValues", Header, GoodRow).Edit("xl/worksheets/sheet1.xml", _ => Encoding.UTF8.GetString(sheet)).Bytes();
        var name = "xl/worksheets/sheet1.xml"u8;
        // Local header: uncompressed size at 22, name at 30; central header: size at 24, name at 46.
        for (var at = 0; at < bytes.Length - 46; at++)
        {
            if (bytes.AsSpan(at).StartsWith("PK\u0003\u0004"u8) && bytes.AsSpan(at + 30).StartsWith(name))
                BitConverter.TryWriteBytes(bytes.AsSpan(at + 22), 2048);
            if (bytes.AsSpan(at).StartsWith("PK\u0001\u0002"u8) && bytes.AsSpan(at + 46).StartsWith(name))
                BitConverter.TryWriteBytes(bytes.AsSpan(at + 24), 2048);
        }
        return bytes;
    }
}
