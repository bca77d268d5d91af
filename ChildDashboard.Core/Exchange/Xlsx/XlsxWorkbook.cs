using System.Globalization;
using System.Text;
using System.Xml;

namespace ChildDashboard.Core.Exchange.Xlsx;

// The sheets of a checked package, their cells read as stored (shared strings resolved, numbers in
// date formats marked as dates). Only what an import needs: values, formulas' presence, merges.
public sealed class XlsxWorkbook : IDisposable
{
    private const string RelationshipNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly XlsxPackage _package;
    private readonly Dictionary<string, string> _sheetParts;
    private readonly List<string>? _sharedStrings;
    private readonly HashSet<int> _dateStyles;

    private XlsxWorkbook(XlsxPackage package, List<string> sheetNames, Dictionary<string, string> sheetParts, List<string>? sharedStrings, HashSet<int> dateStyles)
    {
        _package = package;
        SheetNames = sheetNames;
        _sheetParts = sheetParts;
        _sharedStrings = sharedStrings;
        _dateStyles = dateStyles;
    }

    public IReadOnlyList<string> SheetNames { get; }

    public static XlsxWorkbook Open(Stream stream, XlsxLimits limits)
    {
        var package = XlsxPackage.Open(stream, limits);
        try
        {
            var targets = package.Has("xl/_rels/workbook.xml.rels") ? package.Read("xl/_rels/workbook.xml.rels", Relationships) : [];
            var names = new List<string>();
            var parts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, id) in package.Read("xl/workbook.xml", Sheets))
            {
                names.Add(name);
                if (targets.TryGetValue(id, out var target))
                    parts[name] = target.Path;
            }
            var shared = targets.Values.FirstOrDefault(t => t.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Path;
            var styles = targets.Values.FirstOrDefault(t => t.Type.EndsWith("/styles", StringComparison.Ordinal)).Path;
            return new XlsxWorkbook(package, names, parts,
                shared is not null && package.Has(shared) ? package.Read(shared, SharedStrings) : null,
                styles is not null && package.Has(styles) ? package.Read(styles, DateStyles) : []);
        }
        catch
        {
            package.Dispose();
            throw;
        }
    }

    public XlsxSheet ReadSheet(string name)
    {
        if (!_sheetParts.TryGetValue(name, out var part) || !_package.Has(part))
            throw XlsxPackage.Refused($"Không tìm thấy nội dung của trang tính '{ImportConflict.Quote(name)}': tệp bị hỏng.",
                $"The content of the sheet '{ImportConflict.Quote(name)}' is missing: the file is damaged.");
        return _package.Read(part, xml => ReadSheet(name, xml));
    }

    public void Dispose() => _package.Dispose();

    // One pass of the reader over the sheet, without a subtree reader per row and cell (those cost
    // more than the rest of reading a 100,000-row sheet together).
    private XlsxSheet ReadSheet(string name, XmlReader xml)
    {
        var rows = new List<XlsxRow>();
        var merges = new List<XlsxMerge>();
        var rowNumber = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
                continue;
            if (xml.LocalName == "row")
            {
                rowNumber = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r is > 0 and <= CellReference.MaxRow
                    ? r : rowNumber + 1;
                var cells = xml.IsEmptyElement ? [] : ReadCells(xml);
                if (cells.Count > 0)
                    rows.Add(new XlsxRow(rowNumber, cells));
            }
            else if (xml.LocalName == "mergeCell" && xml.GetAttribute("ref") is { } reference)
            {
                var corners = reference.Split(':');
                if (corners.Length == 2 && CellReference.TryParse(corners[0], out var c1, out var r1) && CellReference.TryParse(corners[1], out var c2, out var r2))
                    merges.Add(new XlsxMerge(Math.Min(c1, c2), Math.Min(r1, r2), Math.Max(c1, c2), Math.Max(r1, r2)));
            }
        }
        return new XlsxSheet(name, rows, merges);
    }

    // The cells of a row (every <c> inside it), from its start tag to its end tag.
    private List<XlsxCell> ReadCells(XmlReader xml)
    {
        var cells = new List<XlsxCell>();
        var column = 0;
        var rowDepth = xml.Depth;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == rowDepth))
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c")
            {
                xml.Read();
                continue;
            }
            column = CellReference.TryParse(xml.GetAttribute("r"), out var c, out _) ? c : column + 1;
            var type = xml.GetAttribute("t") ?? "n";
            var style = int.TryParse(xml.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
            string? value = null;
            string? inline = null;
            var formula = false;
            if (!xml.IsEmptyElement)
            {
                var cellDepth = xml.Depth;
                xml.Read();
                while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == cellDepth))
                {
                    if (xml.NodeType != XmlNodeType.Element)
                    {
                        xml.Read();
                        continue;
                    }
                    switch (xml.LocalName)
                    {
                        case "v":
                            value = xml.ReadElementContentAsString();
                            break;
                        case "is":
                            inline = Text(xml);
                            xml.Read();
                            break;
                        default:
                            // <f> (its text is the formula) and anything else: looked into, not read.
                            formula |= xml.LocalName == "f";
                            xml.Read();
                            break;
                    }
                }
            }
            xml.Read();
            var (kind, text) = type switch
            {
                "s" => (XlsxCellKind.Text, value is null ? "" : SharedString(value)),
                "inlineStr" => (XlsxCellKind.Text, inline ?? ""),
                "str" => (XlsxCellKind.Text, value ?? ""),
                "b" => (XlsxCellKind.Boolean, value ?? ""),
                "e" => (XlsxCellKind.Error, value ?? ""),
                "d" => (XlsxCellKind.Date, value ?? ""),
                _ => (_dateStyles.Contains(style) && value is not null ? XlsxCellKind.Date : XlsxCellKind.Number, value ?? ""),
            };
            if (text.Length > 0 || formula)
                cells.Add(new XlsxCell(column, kind, text, formula));
        }
        return cells;
    }

    private string SharedString(string? index) =>
        _sharedStrings is not null && int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _sharedStrings.Count
            ? _sharedStrings[i]
            : throw XlsxPackage.Refused("Một ô trỏ tới chuỗi không có trong bảng chuỗi dùng chung: tệp bị hỏng.",
                "A cell refers to a string missing from the shared string table: the file is damaged.");

    // The text of an <si> or <is>, the reader on its start tag and left on its end tag: its <t>, or
    // its runs' <t>s joined; phonetic guides (<rPh>) left out.
    private static string Text(XmlReader item)
    {
        if (item.IsEmptyElement)
            return "";
        var depth = item.Depth;
        string? first = null;
        StringBuilder? more = null;
        item.Read();
        while (!item.EOF && !(item.NodeType == XmlNodeType.EndElement && item.Depth == depth))
        {
            if (item.NodeType == XmlNodeType.Element && item.LocalName == "rPh")
            {
                item.Skip();
            }
            else if (item.NodeType == XmlNodeType.Element && item.LocalName == "t")
            {
                var text = item.ReadElementContentAsString();
                if (first is null)
                    first = text;
                else
                    (more ??= new StringBuilder(first)).Append(text);
            }
            else
            {
                item.Read();
            }
        }
        return more?.ToString() ?? first ?? "";
    }

    private static List<string> SharedStrings(XmlReader xml)
    {
        var strings = new List<string>();
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
                strings.Add(Text(xml));
        }
        return strings;
    }

    private static List<(string Name, string Id)> Sheets(XmlReader xml)
    {
        var sheets = new List<(string, string)>();
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet")
                sheets.Add((xml.GetAttribute("name") ?? "", xml.GetAttribute("id", RelationshipNs) ?? ""));
        }
        return sheets;
    }

    private static Dictionary<string, (string Type, string Path)> Relationships(XmlReader xml)
    {
        var targets = new Dictionary<string, (string, string)>();
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship")
                continue;
            var target = xml.GetAttribute("Target") ?? "";
            if ("External".Equals(xml.GetAttribute("TargetMode"), StringComparison.OrdinalIgnoreCase))
                throw XlsxPackage.Refused("Bảng tính có liên kết ra ngoài tệp (external links); hãy dán giá trị (Paste Values) rồi gửi lại.",
                    "The workbook links outside the file (external links); paste the values (Paste Values) and send it again.");
            targets[xml.GetAttribute("Id") ?? ""] = (xml.GetAttribute("Type") ?? "", target.StartsWith('/') ? target[1..] : "xl/" + target);
        }
        return targets;
    }

    // The cell formats (indices into cellXfs) whose number format shows a date or a time.
    private static HashSet<int> DateStyles(XmlReader xml)
    {
        var customDates = new HashSet<int>();
        var dates = new HashSet<int>();
        var inCellXfs = false;
        var index = 0;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs")
                inCellXfs = false;
            if (xml.NodeType != XmlNodeType.Element)
                continue;
            switch (xml.LocalName)
            {
                case "numFmt" when int.TryParse(xml.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var id) && IsDateFormat(xml.GetAttribute("formatCode") ?? ""):
                    customDates.Add(id);
                    break;
                case "cellXfs":
                    inCellXfs = !xml.IsEmptyElement;
                    break;
                case "xf" when inCellXfs:
                    var format = int.TryParse(xml.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var f) ? f : 0;
                    if (format is (>= 14 and <= 22) or (>= 45 and <= 47) || customDates.Contains(format))
                        dates.Add(index);
                    index++;
                    break;
            }
        }
        return dates;
    }

    // A format shows a date or time when, outside quoted text, escapes and [colour] brackets, it uses d, m, y, h or s.
    internal static bool IsDateFormat(string code)
    {
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"')
                quoted = !quoted;
            else if (quoted)
                continue;
            else if (c == '\\' || c == '_' || c == '*')
                i++;
            else if (c == '[')
                bracket = true;
            else if (c == ']')
                bracket = false;
            else if (!bracket && "dmyhsDMYHS".Contains(c))
                return true;
        }
        return false;
    }
}
