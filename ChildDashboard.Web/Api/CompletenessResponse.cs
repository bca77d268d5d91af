using System.Text.Json.Serialization;
using ChildDashboard.Core.Services;

namespace ChildDashboard.Web.Api;

// exchange.md §4: a row per asked (unit, period), and with children=true a row per form.
public sealed record CompletenessResponse(IReadOnlyList<object> Rows);

public sealed record CompletenessSummaryRow(
    string OrgUnit, string Period, int Expected, int Entered, double Completeness, int Forms, int Submitted, int Approved, int OnTime)
{
    public static CompletenessSummaryRow From(string asked, CompletenessSummary summary) => new(
        asked, summary.Period.Code, summary.Expected, summary.Entered, Math.Round(summary.Completeness, 4),
        summary.Forms.Count, summary.Submitted, summary.Approved, summary.OnTime);
}

public sealed record CompletenessFormRow(
    string OrgUnit, string Period, int Expected, int Entered, double Completeness, string Status, string Deadline,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Submitted, bool OnTime, int DaysOverdue)
{
    // A unit open today by its bare code; a closed one (Yên Bái, 15 until 2025-06-30) at the quarter's first day.
    public static CompletenessFormRow From(FormCompleteness form, DateOnly today) => new(
        form.Unit.IsOpenOn(today) ? form.Unit.Code : $"{form.Unit.Code}@{form.Quarter.Start:yyyy-MM-dd}",
        form.Quarter.Code, form.Expected, form.Entered, Math.Round(form.Completeness, 4), form.Status.ToString(),
        form.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        form.SubmittedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), form.OnTime, form.DaysOverdue);
}
