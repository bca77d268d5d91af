using ChildDashboard.Web.Account;
using ChildDashboard.Web.Components;
using ChildDashboard.Web.Localization;

namespace ChildDashboard.Web;

public static class WebApplicationExtensions
{
    public static WebApplication UseChildDashboardPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

        app.UseRequestLocalization(Cultures.LocalizationOptions());
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapCultureEndpoint();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
