namespace ChildDashboard.Core.Services.Reports;

// A generated workbook, or why there is none (Forbidden: the unit is outside the caller's scope).
public sealed record ReportFile(byte[]? Content, string FileName, string? Error, bool Forbidden = false)
{
    public static ReportFile Failed(string error, bool forbidden = false) => new(null, "", error, forbidden);
}
