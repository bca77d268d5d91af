using System.ComponentModel;
using ChildDashboard.Core.Services;
using ChildDashboard.Core.Services.Reports;
using ChildDashboard.Web.Account;
using ChildDashboard.Web.Authorization;

namespace ChildDashboard.Web.Api;

// The analyst summary workbook and the reports to the ministry, through the API (token or Basic)
// and as the /reports page's downloads (the sign-in cookie); both ask the same services, which
// refuse a unit outside the caller's scope.
public static class ReportsEndpoints
{
    public const string SummaryDownloadPath = "/reports/download/summary";
    public const string MinistryDownloadPath = "/reports/download/ministry";

    public static void MapReports(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/summary", SummaryAsync)
            .WithName("SummaryWorkbook")
            .WithTags("Reports")
            .WithSummary("The analyst summary workbook (.xlsx) of a unit and its children for a period")
            .WithDescription("""
                Sheets: the summary (every indicator with value, numerator, denominator, baseline, target, progress, expected and
                status, the status in its colour and word), one sheet per programme, the ranking of the provinces (national scope
                only), the values by year (eight years to the period's year), the completeness of the forms behind the period, and
                notes (definitions, decisions, the 2025 merger). Every figure equals the answer of
                `GET /api/v1/analytics?indicator=ALL&orgUnit=…&period=…` for the same unit and period. Names in the language of
                `Accept-Language`. Any role, within its scope.
                """)
            .Produces(StatusCodes.Status200OK, contentType: RequestBody.XlsxMediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/reports/ministry", MinistryAsync)
            .WithName("MinistryReport")
            .WithTags("Reports")
            .WithSummary("A report to the ministry (.xlsx): the six-month report (`2026S1`) or the annual report (`2026`)")
            .WithDescription("""
                The fixed layout of the reports to the ministry, due 25 May (six-month) and 20 November (annual): results of the
                programmes against their targets, the priority groups of children, budget execution and the priority share,
                completeness and timeliness per quarter, and the assessment the unit wrote on the Reports page. For a province, or
                `VN` for the national roll-up (national users only), with an annex of the provinces. Any role, within its scope.
                """)
            .Produces(StatusCodes.Status200OK, contentType: RequestBody.XlsxMediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    // The same files for the signed-in pages: a plain link downloads them.
    public static void MapReportDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(SummaryDownloadPath, SummaryAsync).RequireAuthorization(AccessPolicies.Read).ExcludeFromDescription();
        endpoints.MapGet(MinistryDownloadPath, MinistryAsync).RequireAuthorization(AccessPolicies.Read).ExcludeFromDescription();
    }

    private static async Task<IResult> SummaryAsync(
        HttpContext http, SummaryWorkbookService summaries, CatalogueCache catalogues,
        [Description("A unit code (the unit open today) or `CODE@YYYY-MM-DD`, as in analytics.")] string orgUnit,
        [Description("A period (`2025`, `2025S1`, `2025Q3`, ...).")] string period,
        CancellationToken ct)
    {
        var access = CurrentUser.Access(http.User, await catalogues.GetAsync()) ?? throw new InvalidOperationException("The caller has no scope unit.");
        return File(await summaries.CreateAsync(access, orgUnit, period, ct));
    }

    private static async Task<IResult> MinistryAsync(
        HttpContext http, MinistryReportService reports, CatalogueCache catalogues,
        [Description("A province code (the unit open today) or `CODE@YYYY-MM-DD`; `VN` for the national roll-up.")] string orgUnit,
        [Description("`2026S1` for the six-month report, `2026` for the annual report.")] string report,
        CancellationToken ct)
    {
        var access = CurrentUser.Access(http.User, await catalogues.GetAsync()) ?? throw new InvalidOperationException("The caller has no scope unit.");
        return File(await reports.CreateAsync(access, orgUnit, report, ct));
    }

    private static IResult File(ReportFile file) => file.Content is null
        ? Problems.Result(file.Forbidden ? 403 : 400, file.Error ?? "")
        : Results.File(file.Content, RequestBody.XlsxMediaType, file.FileName);
}
