using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ChildDashboard.Web.Api;

// RFC 7807 problem details for the API's errors.
public static class Problems
{
    public static ProblemHttpResult Result(int status, string title, string detail, IReadOnlyList<string>? errors = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title,
            extensions: errors is null ? null : new Dictionary<string, object?> { ["errors"] = errors });

    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = context.Request.Path },
            options: null, contentType: "application/problem+json");
    }
}
