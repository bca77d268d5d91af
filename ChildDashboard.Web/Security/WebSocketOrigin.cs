namespace ChildDashboard.Web.Security;

// Browsers apply no same-origin rule to WebSockets: a page on another site could open the Blazor
// circuit's socket with the user's cookie (cross-site WebSocket hijacking). The handshake and the
// circuit's negotiation are refused unless their Origin is this site's own.
public static class WebSocketOrigin
{
    public static IApplicationBuilder UseWebSocketOriginCheck(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var request = context.Request;
        var isSocket = request.Headers.Upgrade.ToString().Contains("websocket", StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments("/_blazor");
        if (isSocket && request.Headers.Origin.ToString() is { Length: > 0 } origin && !IsSameOrigin(origin, request))
        {
            // A plain 403, not turned into the not-found page.
            if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
                pages.Enabled = false;
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }
        return next(context);
    });

    // The scheme and host are the ones the browser used: behind a TLS proxy they come from the
    // forwarded headers, which run before this.
    public static bool IsSameOrigin(string origin, HttpRequest request) =>
        string.Equals(origin.TrimEnd('/'), $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
}
