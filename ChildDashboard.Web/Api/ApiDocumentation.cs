using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace ChildDashboard.Web.Api;

// The OpenAPI document of the API (/openapi/v1.json) and an interactive reference (/api/docs).
// Both are public, like exchange.md; the API itself still needs a token or Basic.
public static class ApiDocumentation
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/api/docs";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            // Only the API: the sign-in form and culture endpoints are the site's own.
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "ChildDashboard API",
                    Version = "v1",
                    Description = "Data values, analytics, targets and metadata of the child-welfare indicators (exchange.md §4). " +
                        "Sign in with a personal access token (Bearer, made on the My account page) or HTTP Basic. " +
                        "JSON is camelCase; errors are RFC 7807 problem details.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    ["Bearer"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "A personal access token (cdt_…)." },
                    ["Basic"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "basic", Description = "User name and password." },
                };
                document.Security =
                [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Basic", document)] = [] },
                ];
                return Task.CompletedTask;
            });
        });

    public static void MapApiDocumentation(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi().AllowAnonymous();
        // Everything the page needs is served from the package, none from a CDN and nothing reported back.
        // Integrators read and try the API here; Scalar's own toolbar (its products) is not for them.
        endpoints.MapScalarApiReference(ReferencePath, options =>
            {
                options.WithTitle("ChildDashboard API").WithOpenApiRoutePattern(DocumentPath)
                    .DisableDefaultFonts().DisableTelemetry().DisableAgent().DisableMcp();
                options.ShowDeveloperTools = DeveloperToolsVisibility.Never;
            })
            .AllowAnonymous();
    }
}
