using ChildDashboard.Core.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChildDashboard.Web.Api;

public static class MetadataEndpoints
{
    public static void MapMetadata(this RouteGroupBuilder api) =>
        api.MapGet("/metadata", GetAsync)
            .WithName("GetMetadata")
            .WithTags("Metadata")
            .WithSummary("Reference data: programmes, data elements, indicators, units, targets, validation rules")
            .WithDescription("Units carry `ref` = `CODE@openingDate`, unambiguous across reused codes, with their closing date and successor; parents, successors and targets name units the same way.");

    private static async Task<Ok<MetadataResponse>> GetAsync(CatalogueCache catalogues) =>
        TypedResults.Ok(MetadataResponse.From(await catalogues.GetAsync()));
}
