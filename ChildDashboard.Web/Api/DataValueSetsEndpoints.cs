using System.ComponentModel;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Exchange.Xlsx;
using ChildDashboard.Core.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace ChildDashboard.Web.Api;

public static class DataValueSetsEndpoints
{
    public static void MapDataValueSets(this RouteGroupBuilder api)
    {
        api.MapPost("/dataValueSets", ImportAsync)
            .RequireAuthorization(ApiPolicies.WriteData)
            .WithName("ImportDataValues")
            .WithTags("Data values")
            .WithSummary("Import data values (CSV, DHIS2 JSON, or a file in a form), all or nothing")
            .WithDescription("""
                CSV columns are DHIS2's (`dataelement, period, orgunit, categoryoptioncombo, value`, optionally `attributeoptioncombo,
                storedby, lastupdated, comment, followup, deleted`), in any order. A file with any rejected row writes nothing and
                answers 409 with its conflicts (row, column, value, message in the language of `Accept-Language`; the first 1,000,
                and their number in `totalConflicts`). Needs the
                Admin, Analyst or DataEntry role; values outside the caller's unit are rejected.
                """)
            .AcceptsImportBody(DhisJsonSchema(), DataValueXlsx.SheetName)
            .ProducesImportAnswers();

        api.MapGet("/dataValueSets", ExportAsync)
            .WithName("ExportDataValues")
            .WithTags("Data values")
            .WithSummary("The stored values, as JSON, or streamed as CSV (`Accept: text/csv`) or .xlsx (`Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`)")
            .WithDescription("Values as stored, for the units and periods asked (a year includes its quarters and months). Importing the CSV back changes nothing.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                if (operation.Responses?.GetValueOrDefault("200")?.Content is { } content)
                {
                    content["text/csv"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The eleven columns of a DHIS2 export." } };
                    content[RequestBody.XlsxMediaType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The same eleven columns on a sheet `DataValues`." } };
                }
                return Task.CompletedTask;
            })
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    // What DataValueJson reads: fewer fields are required than the export writes, and numbers may be numbers.
    private static OpenApiSchema DhisJsonSchema()
    {
        static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "dataValues" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["dataValues"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "dataElement", "period", "orgUnit" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["dataElement"] = Text("Data element code."),
                            ["period"] = Text("Period code of the element's period type (`2025Q3`, `2025`)."),
                            ["orgUnit"] = Text("Unit code, resolved on the period's first day."),
                            ["categoryOptionCombo"] = Text("`MALE`, `FEMALE`…; empty or `default` for an element without options."),
                            ["value"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Number, Description = "The value; may be empty when `deleted` is true." },
                            ["storedBy"] = Text("Recorded in the audit."),
                            ["comment"] = Text("Kept with the value."),
                            ["deleted"] = new OpenApiSchema { Type = JsonSchemaType.Boolean | JsonSchemaType.String, Description = "`true` deletes the value." },
                        },
                    },
                },
            },
        };
    }

    private static Task<IResult> ImportAsync(
        HttpContext http, DataValueImportService imports, CatalogueCache catalogues, IOptions<ImportOptions> limits,
        [Description("`true` checks and reports without writing (409 when it finds conflicts, like a real run).")] bool? dryRun,
        CancellationToken ct) =>
        ImportEndpoint.RunAsync(http, dryRun, limits.Value.MaxFileBytes, catalogues,
            new RequestBody.Readers<DataValueRow>(DataValueCsv.Read, DataValueJson.Read, stream => DataValueXlsx.Read(stream, XlsxLimits.From(limits.Value))),
            imports.ImportAsync, ct);

    private static async Task<Results<Ok<DataValueSet>, PushStreamHttpResult, ProblemHttpResult>> ExportAsync(
        HttpContext http, DataValueExportService exports, CatalogueCache catalogues,
        [Description("A unit as `CODE` or `CODE@YYYY-MM-DD`. Repeat for several.")] string[] orgUnit,
        [Description("A period (`2025`, `2025Q3`). Repeat for several.")] string[] period,
        [Description("Only these data elements (codes). Repeat for several; none means all.")] string[]? dataElement,
        [Description("`true` adds the units inside each unit asked.")] bool? children,
        CancellationToken ct)
    {
        var catalogue = await catalogues.GetAsync();
        var scope = ApiUser.ScopeUnit(http.User, catalogue);
        var query = new DataValueExportService.Query(orgUnit, period, dataElement ?? [], children ?? false);
        var plan = await exports.PlanAsync(query, scope);
        if (plan.Errors.Count > 0)
            return Problems.Result(plan.OutOfScope ? 403 : 400, string.Join(" ", plan.Errors), plan.Errors);

        // CSV and .xlsx go from the database to the response row by row; JSON is for small selections.
        var accept = http.Request.Headers.Accept.ToString();
        if (accept.Contains(RequestBody.XlsxMediaType, StringComparison.OrdinalIgnoreCase))
            return DataValueFiles.Xlsx(http, exports, plan, ct);
        if (accept.Contains("text/csv", StringComparison.OrdinalIgnoreCase))
            return DataValueFiles.Csv(exports, plan, fileName: null, ct);
        var values = new List<DataValueSetValue>();
        await foreach (var value in exports.StreamAsync(plan, ct))
            values.Add(DataValueSetValue.From(value));
        return TypedResults.Ok(new DataValueSet(values));
    }
}
