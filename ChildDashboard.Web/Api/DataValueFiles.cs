using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Services;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChildDashboard.Web.Api;

// Stored values streamed from the database to the response row by row, as DHIS2's CSV or a
// DataValues workbook: for the API and for the export page's downloads alike.
public static class DataValueFiles
{
    public static PushStreamHttpResult Csv(DataValueExportService exports, DataValueExportService.Plan plan, string? fileName, CancellationToken ct) =>
        TypedResults.Stream(body => DataValueCsv.WriteAsync(body, exports.StreamBatchesAsync(plan, ct), ct), "text/csv; charset=utf-8", fileName);

    public static PushStreamHttpResult Xlsx(HttpContext http, DataValueExportService exports, DataValueExportService.Plan plan, CancellationToken ct)
    {
        // The zip's central directory is written synchronously when the workbook closes: a few KB at the end.
        if (http.Features.Get<IHttpBodyControlFeature>() is { } control)
            control.AllowSynchronousIO = true;
        return TypedResults.Stream(body => DataValueXlsxWriter.WriteAsync(body, exports.StreamBatchesAsync(plan, ct), ct), RequestBody.XlsxMediaType, "dataValueSets.xlsx");
    }
}
