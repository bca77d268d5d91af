using ChildDashboard.Web.Account;
using ChildDashboard.Web.Api;
using ChildDashboard.Web.Components;
using ChildDashboard.Web.Health;
using ChildDashboard.Web.Localization;

namespace ChildDashboard.Web;

public static class WebApplicationExtensions
{
    public static WebApplication UseChildDashboardPipeline(this WebApplication app)
    {
        // The language first, so that the error answers below are in the caller's language.
        app.UseRequestLocalization(Cultures.LocalizationOptions());
        app.UseApiErrors();
        app.UseWhen(http => !ApiErrors.IsApi(http), pages =>
        {
            if (!app.Environment.IsDevelopment())
                pages.UseExceptionHandler("/error", createScopeForErrors: true);
            pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        });
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
        app.MapApiDocumentation();
        app.MapHealthProbes();
        app.MapCultureEndpoint();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
