namespace ChildDashboard.Core.Exchange.Reports;

// The fixed layout of the reports to the ministry (six-month and annual, a province's and the
// national roll-up): the sections in order, their column headings and their rows. This is the one
// place to change when the ministry changes its form: add, remove or reorder rows by code
// (MinistryReportLayoutTests checks every code against the catalogue and that every indicator is
// reported somewhere).
public static class MinistryReportLayout
{
    public static readonly IReadOnlyList<ReportSection> Sections =
    [
        new("I", "Kết quả thực hiện các chương trình, kế hoạch so với mục tiêu", "Results of the programmes against their targets",
            ReportSectionKind.Results,
            [
                ("Số", "No."), ("Chỉ tiêu", "Indicator"), ("Đơn vị tính", "Unit"), ("Kết quả", "Result"),
                ("Mục tiêu", "Target"), ("Năm mục tiêu", "Target year"), ("Tiến độ", "Progress"), ("Trạng thái", "Status"),
            ],
            [
                ReportRow.Programme("NPC30"),
                ReportRow.Indicator("CP01"), ReportRow.Indicator("CP02"), ReportRow.Indicator("CP03"), ReportRow.Indicator("CP04"),
                ReportRow.Indicator("CP05"), ReportRow.Indicator("CP06"), ReportRow.Indicator("CP07"), ReportRow.Indicator("CP08"),
                ReportRow.Indicator("CP09"), ReportRow.Indicator("NPA02"), ReportRow.Indicator("NPA03"), ReportRow.Indicator("NPA04"),
                ReportRow.Indicator("NPA05"), ReportRow.Indicator("PART01"), ReportRow.Indicator("PART02"), ReportRow.Indicator("PART03"),
                ReportRow.Indicator("PART04"),
                ReportRow.Programme("CL25"),
                ReportRow.Indicator("CL01"), ReportRow.Indicator("CL02"), ReportRow.Indicator("CL03"),
                ReportRow.Programme("INJ30"),
                ReportRow.Indicator("INJ01"), ReportRow.Indicator("INJ02"), ReportRow.Indicator("INJ03"), ReportRow.Indicator("INJ04"),
                ReportRow.Indicator("INJ05"), ReportRow.Indicator("INJ06"), ReportRow.Indicator("INJ07"), ReportRow.Indicator("INJ08"),
                ReportRow.Programme("HRT13"),
                ReportRow.Indicator("HRT01"),
                ReportRow.Programme("CFC19"),
                ReportRow.Indicator("CFC01"), ReportRow.Indicator("CFC02"),
                ReportRow.Programme("HIV20"),
                ReportRow.Indicator("HIV01"),
                ReportRow.Programme("TASKS"),
                ReportRow.Indicator("TSK01"), ReportRow.Indicator("TSK02"), ReportRow.Indicator("TSK03"), ReportRow.Indicator("TSK04"),
                ReportRow.Indicator("TSK05"),
            ]),
        new("II", "Trẻ em thuộc các nhóm ưu tiên", "Children in the priority groups",
            ReportSectionKind.Counts,
            [
                ("Số", "No."), ("Nhóm trẻ em", "Group"), ("Tổng số", "Total"), ("Nam", "Male"), ("Nữ", "Female"),
                ("Cùng kỳ năm trước", "Same period last year"), ("Tăng, giảm so với cùng kỳ", "Change on last year"), ("", ""),
            ],
            [
                ReportRow.Element("CSC_TOTAL"), ReportRow.Element("CSC_SUPPORTED"),
                ReportRow.Element("ABUSE_CHILDREN"), ReportRow.Element("ABUSE_SUPPORTED"),
                ReportRow.Element("ABANDONED"), ReportRow.Element("TRAFFICKED"),
                ReportRow.Element("CL_IDENTIFIED"), ReportRow.Element("CL_AT_RISK"), ReportRow.Element("CL_SUPPORTED"),
                ReportRow.Element("HIV_MANAGED"), ReportRow.Element("HIV_SERVED"),
                ReportRow.Element("DISASTER_CHILDREN"), ReportRow.Element("DISASTER_RELIEVED"),
                ReportRow.Element("CHILD_MARRIAGES"),
            ]),
        new("III", "Kinh phí thực hiện công tác trẻ em", "Budget for child programmes",
            ReportSectionKind.Budget,
            [
                ("Số", "No."), ("Nội dung", "Item"), ("Đơn vị tính", "Unit"), ("Kết quả", "Result"),
                ("Cùng kỳ năm trước", "Same period last year"), ("", ""), ("", ""), ("", ""),
            ],
            [
                ReportRow.Element("BUDGET_ALLOC"), ReportRow.Element("BUDGET_SPENT"), ReportRow.Element("BUDGET_PRIORITY"),
                ReportRow.Indicator("BUD01"), ReportRow.Indicator("BUD02"),
            ]),
        new("IV", "Mức đầy đủ và kịp thời của số liệu", "Completeness and timeliness of the data",
            ReportSectionKind.Completeness,
            [
                ("Số", "No."), ("Quý", "Quarter"), ("Số biểu phải nộp", "Forms due"), ("Đã nộp", "Submitted"), ("Đã duyệt", "Approved"),
                ("Nộp đúng hạn", "On time"), ("Số giá trị đã nhập / cần nhập", "Values entered / expected"), ("Mức đầy đủ", "Completeness"),
            ],
            []),
        new("V", "Đánh giá chung, khó khăn, vướng mắc và kiến nghị", "Assessment, difficulties and recommendations",
            ReportSectionKind.Narrative, [], []),
    ];

    // Every section has this many columns (A..H), so that one page width fits them all.
    public const int ColumnCount = 8;
}

public enum ReportSectionKind
{
    Results,
    Counts,
    Budget,
    Completeness,
    Narrative,
}

public enum ReportRowKind
{
    Programme,
    Indicator,
    Element,
}

public sealed record ReportRow(ReportRowKind Kind, string Code)
{
    public static ReportRow Programme(string code) => new(ReportRowKind.Programme, code);
    public static ReportRow Indicator(string code) => new(ReportRowKind.Indicator, code);
    public static ReportRow Element(string code) => new(ReportRowKind.Element, code);
}

public sealed record ReportSection(
    string Number, string TitleVi, string TitleEn, ReportSectionKind Kind,
    IReadOnlyList<(string Vi, string En)> Columns, IReadOnlyList<ReportRow> Rows)
{
    public string Title => Domain.Language.Pick(TitleVi, TitleEn);
}
