using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange.Xlsx;

namespace ChildDashboard.Core.Exchange;

// Reads data values from an .xlsx (exchange.md §2): a `DataValues` sheet with the CSV's columns, or
// the entry template's sheet. The package is checked before anything in it is read (XlsxPackage);
// a refused file throws XlsxRefusedException, a readable one gives rows and conflicts like the CSV.
public static class DataValueXlsx
{
    public const string SheetName = "DataValues";

    private static readonly HashSet<string> CodeColumns = [DataValueColumns.OrgUnit, DataValueColumns.DataElement, DataValueColumns.CategoryOptionCombo];

    public static XlsxImport<DataValueRow> Read(Stream stream, XlsxLimits limits)
    {
        using var workbook = XlsxWorkbook.Open(stream, limits);
        if (workbook.SheetNames.Contains(SheetName))
        {
            return XlsxTable.Read(workbook.ReadSheet(SheetName), DataValueColumns.Canonical, DataValueColumns.Required, CodeColumns, (row, field) => new DataValueRow(row,
                field(DataValueColumns.DataElement), field(DataValueColumns.Period), field(DataValueColumns.OrgUnit),
                field(DataValueColumns.CategoryOptionCombo), field(DataValueColumns.Value), field(DataValueColumns.StoredBy),
                field(DataValueColumns.Comment), field(DataValueColumns.Deleted)));
        }
        if (workbook.SheetNames.FirstOrDefault(EntryTemplateLayout.IsTemplateSheet) is { } template)
            return EntryTemplateReader.Read(workbook.ReadSheet(template));
        return XlsxImport<DataValueRow>.Refused(MissingSheet(workbook.SheetNames, SheetName,
            $"'{SheetName}' hoặc '{EntryTemplateLayout.SheetVi}' của biểu mẫu nhập liệu", $"'{SheetName}', or the entry template's '{EntryTemplateLayout.SheetEn}'"));
    }

    // Names a sheet that looks like the expected one but was renamed, else lists what there is.
    internal static ImportConflict MissingSheet(IReadOnlyList<string> sheets, string expected, string wantedVi, string wantedEn)
    {
        var close = sheets.FirstOrDefault(s => s.Replace(" ", "").Contains(expected, StringComparison.OrdinalIgnoreCase));
        var found = string.Join(", ", sheets.Select(s => $"'{ImportConflict.Quote(s)}'"));
        return new ImportConflict(0, "", close, close is not null
            ? Language.Pick($"Trang tính '{ImportConflict.Quote(close)}' có vẻ đã bị đổi tên: hãy đặt lại tên đúng là '{expected}'.",
                $"The sheet '{ImportConflict.Quote(close)}' seems to have been renamed: name it exactly '{expected}'.")
            : Language.Pick($"Không có trang tính {wantedVi}. Tệp có: {found}.", $"There is no sheet {wantedEn}. The file has: {found}."));
    }
}
