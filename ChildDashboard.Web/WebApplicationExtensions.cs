using ChildDashboard.Web.Account;
using ChildDashboard.Web.Api;
using ChildDashboard.Web.Components;
using ChildDashboard.Web.Downloads;
using ChildDashboard.Web.Health;
using ChildDashboard.Web.Localization;
using ChildDashboard.Web.Security;

namespace ChildDashboard.Web;

public static class WebApplicationExtensions
{
    public static WebApplication UseChildDashboardPipeline(this WebApplication app)
    {
        // First the client's real address and scheme (behind a TLS proxy), then the language, so
        // that the error answers below are in the caller's language.
        app.UseForwardedHeaders();
        app.UseRequestLocalization(Cultures.LocalizationOptions());
        app.UseSecurityHeaders();
        app.UseApiErrors();
        app.UseWhen(http => !ApiErrors.IsApi(http), pages =>
        {
            if (!app.Environment.IsDevelopment())
                pages.UseExceptionHandler("/error", createScopeForErrors: true);
            pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        });
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.UseWebSocketOriginCheck();
        // The site's own files (wwwroot-assets) are served before routing: an endpoint matched first
        // would stop the static file middleware, and the sign-in page needs them anonymously.
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapApi();
        app.MapDownloads();
        app.MapReportDownloads();
        app.MapApiDocumentation();
        app.MapHealthProbes();
        app.MapCultureEndpoint();
        // Its frame-ancestors policy is part of the site's own (SecurityHeaders); two policies would both apply.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(server => server.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
