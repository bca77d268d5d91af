namespace ChildDashboard.Web.Security;

// Headers on every response. The pages' Content-Security-Policy is what Blazor Server and MudBlazor
// need and no more:
// - script-src 'self': blazor.web.js and MudBlazor.min.js are files of this site; Blazor Server runs
//   no inline script and needs no eval (only WebAssembly would, 'wasm-unsafe-eval'), and App.razor
//   renders no inline import map (the app has no JavaScript modules to map).
// - style-src 'self' 'unsafe-inline': MudBlazor writes its theme into a <style> element and sets
//   style attributes on its components, and Blazor's reconnect dialog is styled inline.
// - connect-src 'self': the circuit's WebSocket (or long polling) goes to this origin only.
// - img-src/font-src 'self' data:: MudBlazor's CSS embeds small images as data: URLs.
// - frame-ancestors 'none' (the pages are never framed), form-action and base-uri 'self', no plugins.
// The API answers JSON only, so it allows nothing; the API reference (Scalar) runs an inline
// script of its own and gets a policy of its own.
public static class SecurityHeaders
{
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = PolicyFor(context.Request.Path);
            return Task.CompletedTask;
        });
        return next(context);
    });

    public static string PolicyFor(PathString path) =>
        path.StartsWithSegments("/api/docs") ? ApiReferencePolicy
        : path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") ? ApiPolicy
        : PagePolicy;
}
