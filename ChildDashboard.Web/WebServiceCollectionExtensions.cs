using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using System.Text.Json.Serialization;
using ChildDashboard.Web.Account;
using ChildDashboard.Web.Api;
using ChildDashboard.Web.Authorization;
using ChildDashboard.Web.Circuits;
using ChildDashboard.Web.Health;
using ChildDashboard.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using ChildDashboard.Core.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;

namespace ChildDashboard.Web;

public static class WebServiceCollectionExtensions
{
    public static IServiceCollection AddChildDashboardWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents().AddCircuitSettings(configuration);
        services.AddMudServices();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<SecurityOptions>(configuration.GetSection("Security"));

        // One key ring for every app server, whatever folder each runs from.
        services.AddDataProtection().SetApplicationName("ChildDashboard");
        services.AddOptions<KeyManagementOptions>()
            .Configure<DataProtectionKeyStore>((options, keys) => options.XmlRepository = new DatabaseXmlRepository(keys));
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiAuthenticationHandler>(ApiAuthenticationHandler.SchemeName, null);
        services.AddAuthentication().AddIdentityCookies();
        services.AddProblemDetails();
        services.AddApiDocumentation();
        services.AddHealthProbes();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = AccountEndpoints.LoginPath;
            cookie.AccessDeniedPath = "/account/denied";
            cookie.ExpireTimeSpan = UserSessionService.IdleLimit;
            cookie.SlidingExpiration = true;
            cookie.EventsType = typeof(SessionCookieEvents);
        });
        services.AddScoped<SessionCookieEvents>();
        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();
        // Identity's stores take a scoped DbContext; everything else uses the factory.
        services.AddScoped(sp => sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AppDbContext>>().CreateDbContext());

        // Every page and endpoint needs a signed-in user unless it says otherwise.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddAccessPolicies();
        services.AddSingleton<IAuthorizationHandler, AccessHandler>();
        services.AddSingleton<IAuthorizationHandler, TwoFactorHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, TwoFactorSetupRedirect>();

        services.AddSingleton<AccountSeeder>();
        services.AddSingleton<ApiPrincipalCache>();
        services.AddSingleton<BasicCredentialCache>();
        services.AddSingleton<AnalyticsWarmUp>();
        services.AddChildDashboardSecurity(configuration);
        services.AddApiErrors();
        return services;
    }
}
