using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Services.Dashboards;

// A comment on an indicator of a unit: why it is behind (Behind) or what the unit will do (Plan),
// written for a period.
public sealed record IndicatorComment(
    long Id, CommentKind Kind, string IndicatorCode, int UnitId, string Period, string Text, string Author, DateTime AtUtc);

// A comment stored with a value (a form's cell, an import's comment column), as the dashboards show it.
public sealed record ValueNote(
    string ElementCode, string ElementNameVi, string ElementNameEn, string UnitNameVi, string UnitNameEn,
    string Period, string OptionCode, double? Value, string Text, string? Author, DateTime AtUtc);
