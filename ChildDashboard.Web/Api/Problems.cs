using ChildDashboard.Core.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace ChildDashboard.Web.Api;

// RFC 7807 problem details for every API error, title and detail in the caller's language
// (Accept-Language: Vietnamese unless English is asked for).
public static class Problems
{
    public const string ContentType = "application/problem+json";

    public static ProblemHttpResult Result(int status, string detail, IReadOnlyList<string>? errors = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: Title(status),
            extensions: errors is null ? null : new Dictionary<string, object?> { ["errors"] = errors });

    public static Task WriteAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            new ProblemDetails
            {
                Type = $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}",
                Status = status, Title = Title(status), Detail = detail, Instance = context.Request.Path,
                Extensions = { ["traceId"] = context.TraceIdentifier },
            },
            options: null, contentType: ContentType);
    }

    public static string Title(int status) => status switch
    {
        400 => Language.Pick("Yêu cầu không hợp lệ", "Bad request"),
        401 => Language.Pick("Cần đăng nhập", "Authentication required"),
        403 => Language.Pick("Không được phép", "Forbidden"),
        404 => Language.Pick("Không tìm thấy", "Not found"),
        405 => Language.Pick("Phương thức không được hỗ trợ", "Method not allowed"),
        413 => Language.Pick("Nội dung quá lớn", "Payload too large"),
        415 => Language.Pick("Định dạng không được hỗ trợ", "Unsupported media type"),
        429 => Language.Pick("Quá nhiều lần thử", "Too many requests"),
        >= 500 => Language.Pick("Lỗi máy chủ", "Server error"),
        _ => ReasonPhrases.GetReasonPhrase(status),
    };
}
