using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Exchange;

// The entry template's sheet, in one place for the writer and the reader: a title above, the header
// in row HeaderRow, then one row per (data element, option) with its codes in locked (partly hidden)
// columns, the previous period's value for reference, and the value and comment cells staff fill in.
public static class EntryTemplateLayout
{
    public const string SheetVi = "Nhập số liệu";
    public const string SheetEn = "Data entry";
    public const int HeaderRow = 4;
    public const int FirstDataRow = HeaderRow + 1;

    public sealed record Column(int Number, string? Field, string Vi, string En, bool Hidden = false)
    {
        public string Letter => Xlsx.CellReference.Letters(Number);

        public string Header => Language.Pick(Vi, En);
    }

    public static readonly Column ElementCode = new(1, DataValueColumns.DataElement, "Mã chỉ số", "Element code");
    public static readonly Column OptionCode = new(2, DataValueColumns.CategoryOptionCombo, "Mã phân tổ", "Option code", Hidden: true);
    public static readonly Column Period = new(3, DataValueColumns.Period, "Kỳ", "Period", Hidden: true);
    public static readonly Column OrgUnit = new(4, DataValueColumns.OrgUnit, "Mã đơn vị", "Unit code", Hidden: true);
    public static readonly Column ElementName = new(5, null, "Chỉ tiêu", "Data element");
    public static readonly Column OptionName = new(6, null, "Phân tổ", "Option");
    public static readonly Column Kind = new(7, null, "Loại số liệu", "Kind of value");
    public static readonly Column Previous = new(8, null, "Kỳ trước (tham khảo)", "Previous period (reference)");
    public static readonly Column Value = new(9, DataValueColumns.Value, "Giá trị", "Value");
    public static readonly Column Comment = new(10, DataValueColumns.Comment, "Ghi chú", "Comment");

    public static readonly IReadOnlyList<Column> Columns = [ElementCode, OptionCode, Period, OrgUnit, ElementName, OptionName, Kind, Previous, Value, Comment];

    public static string SheetName => Language.Pick(SheetVi, SheetEn);

    public static bool IsTemplateSheet(string name) => name == SheetVi || name == SheetEn;
}
