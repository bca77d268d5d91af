using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange;
using Microsoft.AspNetCore.Diagnostics;

namespace ChildDashboard.Web.Api;

// Under /api every error is problem JSON in the caller's language, never the site's HTML error
// page, a login redirect, an empty body, a stack trace or SQL: an exception is a 500 that names only
// the trace id (the log has the rest), a parameter that does not bind (dryRun=1) a 400 that names
// it, an unknown address a 404 and a wrong method a 405.
public static class ApiErrors
{
    public static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api");

    public static IServiceCollection AddApiErrors(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new FiniteDoubleConverter()));
        // Outside Development a parameter that does not bind answers an empty 400; thrown, it reaches the handler below.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    public static IApplicationBuilder UseApiErrors(this IApplicationBuilder app) => app.UseWhen(IsApi, api =>
    {
        api.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteExceptionAsync });
        api.UseStatusCodePages(context => WriteStatusAsync(context.HttpContext));
    });

    private static Task WriteExceptionAsync(HttpContext http)
    {
        var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (error is BadHttpRequestException bad)
        {
            return bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? Problems.WriteAsync(http, 413, Language.Pick("Nội dung vượt quá giới hạn kích thước.", "The body is larger than the limit."))
                : Problems.WriteAsync(http, bad.StatusCode, Language.Pick(
                    $"Một tham số của yêu cầu không đọc được: {ImportConflict.Shorten(bad.Message)}",
                    $"A parameter of the request cannot be read: {ImportConflict.Shorten(bad.Message)}"));
        }
        return Problems.WriteAsync(http, StatusCodes.Status500InternalServerError, Language.Pick(
            $"Đã xảy ra lỗi trên máy chủ; yêu cầu không được thực hiện. Mã tra cứu: {http.TraceIdentifier}.",
            $"Something went wrong on the server; the request was not carried out. Reference: {http.TraceIdentifier}."));
    }

    private static Task WriteStatusAsync(HttpContext http)
    {
        var path = ImportConflict.Quote(http.Request.Path.Value);
        var status = http.Response.StatusCode;
        return Problems.WriteAsync(http, status, status switch
        {
            404 => Language.Pick($"API không có địa chỉ '{path}'.", $"The API has no address '{path}'."),
            405 => Language.Pick($"'{path}' không nhận phương thức {http.Request.Method}.", $"'{path}' does not take {http.Request.Method}."),
            _ => Problems.Title(status),
        });
    }
}
