using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Services;
using Microsoft.OpenApi;

namespace ChildDashboard.Web.Api;

// What every import endpoint does: read the body within the size limit, answer a file-level
// problem with 409, else import in the caller's name and scope, 200 or 409 with the report.
internal static class ImportEndpoint
{
    public static async Task<IResult> RunAsync<TRow>(
        HttpContext http, bool? dryRun, long maxBytes, CatalogueCache catalogues, RequestBody.Readers<TRow> readers,
        Func<IReadOnlyList<TRow>, ImportContext, CancellationToken, Task<ImportReport>> import, CancellationToken ct)
    {
        var (body, failure) = await RequestBody.ReadAsync(http, maxBytes, readers, ct);
        if (body is null)
            return failure ?? Problems.Result(400, Language.Pick("Không đọc được nội dung.", "The body could not be read."));
        if (body.Conflicts.Total > 0)
            return Results.Json(body.Located(ImportReport.Failed(dryRun ?? false, body.Conflicts)), statusCode: 409);

        var catalogue = await catalogues.GetAsync();
        var context = new ImportContext(ApiUser.Name(http.User), ApiUser.ScopeUnitId(http.User, catalogue), dryRun ?? false);
        var report = body.Located(await import(body.Rows, context, ct));
        return Results.Json(report, statusCode: report.Succeeded ? 200 : 409);
    }

    // RequestBody reads the body itself, so the framework cannot see it: the document says what it accepts.
    public static RouteHandlerBuilder AcceptsImportBody(this RouteHandlerBuilder endpoint, OpenApiSchema? json, string xlsxSheet) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var content = new Dictionary<string, OpenApiMediaType>
            {
                ["text/csv"] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "UTF-8 CSV with a header row (RFC 4180 quoting)." },
                },
                ["multipart/form-data"] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "file" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["file"] = new OpenApiSchema
                            {
                                Type = JsonSchemaType.String, Format = "binary",
                                Description = json is null ? $"A .csv or .xlsx file (sheet `{xlsxSheet}`)." : $"A .csv, .json or .xlsx file (sheet `{xlsxSheet}`, or the entry template).",
                            },
                        },
                    },
                },
            };
            content[RequestBody.XlsxMediaType] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = $"An .xlsx workbook with a sheet `{xlsxSheet}`." },
            };
            if (json is not null)
                content["application/json"] = new OpenApiMediaType { Schema = json };
            operation.RequestBody = new OpenApiRequestBody { Required = true, Content = content };
            return Task.CompletedTask;
        });

    public static RouteHandlerBuilder ProducesImportAnswers(this RouteHandlerBuilder endpoint) => endpoint
        .Produces<ImportReport>(StatusCodes.Status200OK)
        .Produces<ImportReport>(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
