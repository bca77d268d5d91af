using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using ChildDashboard.Core.Exchange.Xlsx;

namespace ChildDashboard.Tests.Core.Exchange;

// Builds .xlsx files part by part, so that tests can make exactly the workbook (or the broken or
// hostile file) they need: strings go to the shared string table, numbers are numbers, and formulas,
// date-formatted numbers, errors and booleans are what Excel writes for them.
internal sealed class XlsxFile
{
    public sealed record Formula(string Expression, string Cached);

    public sealed record DateSerial(double Serial);

    public sealed record ErrorValue(string Code);

    private sealed record SheetPart(string Name, List<(int Row, int Column, object?[] Cells)> Rows, List<string> Merges);

    private readonly List<SheetPart> _sheets = [];
    private readonly Dictionary<string, string> _extraParts = [];
    private readonly List<string> _extraContentTypes = [];
    private readonly List<string> _extraRelationships = [];
    private readonly Dictionary<string, Func<string, string>> _edits = [];
    private string _mainContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    public XlsxFile Sheet(string name, params object?[][] rows)
    {
        _sheets.Add(new SheetPart(name, [.. rows.Select((cells, i) => (i + 1, 1, cells))], []));
        return this;
    }

    // Rows placed anywhere on the last sheet added.
    public XlsxFile At(int row, int column, params object?[] cells)
    {
        _sheets[^1].Rows.Add((row, column, cells));
        return this;
    }

    public XlsxFile Merge(string reference)
    {
        _sheets[^1].Merges.Add(reference);
        return this;
    }

    public XlsxFile Part(string path, string content, string? contentType = null)
    {
        _extraParts[path] = content;
        if (contentType is not null)
            _extraContentTypes.Add($"<Override PartName=\"/{path}\" ContentType=\"{contentType}\"/>");
        return this;
    }

    public XlsxFile Relationship(string xml)
    {
        _extraRelationships.Add(xml);
        return this;
    }

    public XlsxFile MacroEnabled()
    {
        _mainContentType = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
        return this;
    }

    // Rewrites a part's XML before it is zipped (a DTD slipped in, a tag broken).
    public XlsxFile Edit(string path, Func<string, string> edit)
    {
        _edits[path] = edit;
        return this;
    }

    public byte[] Bytes()
    {
        var strings = new List<string>();
        var parts = new Dictionary<string, string>();
        for (var i = 0; i < _sheets.Count; i++)
            parts[$"xl/worksheets/sheet{i + 1}.xml"] = SheetXml(_sheets[i], strings);
        parts["[Content_Types].xml"] = $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="{_mainContentType}"/>{string.Concat(_extraContentTypes)}</Types>
            """;
        parts["_rels/.rels"] = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """;
        parts["xl/workbook.xml"] = $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{string.Concat(_sheets.Select((s, i) => $"<sheet name=\"{SecurityElement.Escape(s.Name)}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>"))}</sheets></workbook>
            """;
        parts["xl/_rels/workbook.xml.rels"] = $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{string.Concat(_sheets.Select((_, i) => $"<Relationship Id=\"rId{i + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>"))}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>{string.Concat(_extraRelationships)}</Relationships>
            """;
        parts["xl/sharedStrings.xml"] = $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{strings.Count}" uniqueCount="{strings.Count}">{string.Concat(strings.Select(s => $"<si><t xml:space=\"preserve\">{SecurityElement.Escape(s)}</t></si>"))}</sst>
            """;
        // Style 1 shows a date (built-in format 14), style 2 a custom date format.
        parts["xl/styles.xml"] = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>
            """;
        foreach (var (path, content) in _extraParts)
            parts[path] = content;
        foreach (var (path, edit) in _edits)
            parts[path] = edit(parts[path]);

        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in parts)
            {
                using var entry = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
                entry.Write(Encoding.UTF8.GetBytes(content));
            }
        }
        return output.ToArray();
    }

    private static string SheetXml(SheetPart sheet, List<string> strings)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        foreach (var (row, column, cells) in sheet.Rows.OrderBy(r => r.Row))
        {
            xml.Append(CultureInfo.InvariantCulture, $"<row r=\"{row}\">");
            for (var i = 0; i < cells.Length; i++)
            {
                var reference = CellReference.Of(column + i, row);
                xml.Append(cells[i] switch
                {
                    null => "",
                    string s => $"<c r=\"{reference}\" t=\"s\"><v>{Shared(strings, s)}</v></c>",
                    bool b => $"<c r=\"{reference}\" t=\"b\"><v>{(b ? 1 : 0)}</v></c>",
                    Formula f => $"<c r=\"{reference}\"><f>{SecurityElement.Escape(f.Expression)}</f><v>{f.Cached}</v></c>",
                    DateSerial d => $"<c r=\"{reference}\" s=\"1\"><v>{d.Serial.ToString(CultureInfo.InvariantCulture)}</v></c>",
                    ErrorValue e => $"<c r=\"{reference}\" t=\"e\"><v>{e.Code}</v></c>",
                    IFormattable n => $"<c r=\"{reference}\"><v>{n.ToString(null, CultureInfo.InvariantCulture)}</v></c>",
                    var other => throw new ArgumentException($"No cell for {other}."),
                });
            }
            xml.Append("</row>");
        }
        xml.Append("</sheetData>");
        if (sheet.Merges.Count > 0)
            xml.Append(CultureInfo.InvariantCulture, $"<mergeCells count=\"{sheet.Merges.Count}\">{string.Concat(sheet.Merges.Select(m => $"<mergeCell ref=\"{m}\"/>"))}</mergeCells>");
        return xml.Append("</worksheet>").ToString();
    }

    private static int Shared(List<string> strings, string s)
    {
        var at = strings.IndexOf(s);
        if (at >= 0)
            return at;
        strings.Add(s);
        return strings.Count - 1;
    }
}
