using System.Net;
using ChildDashboard.Core.Identity;
using ChildDashboard.Web.Account;
using ChildDashboard.Web.Api;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Web.Security;

// Sign-in policy and the hardened edges: password rules, throttling, cookies, proxy headers.
public static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddChildDashboardSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        // No `Server: Kestrel`: nothing tells a scanner which server and version to look up.
        services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);

        services.AddOptions<ForwardedHeadersSettings>().Bind(configuration.GetSection("ForwardedHeaders")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ForwardedHeadersSettings>, ForwardedHeadersSettingsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((forwarded, settings) =>
        {
            // The client's address (for the sign-in throttle) and the scheme it used (for Secure cookies
            // and HSTS) from a TLS proxy; loopback proxies are believed by default, others when listed.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in ForwardedHeadersSettings.Split(settings.Value.KnownProxies))
            {
                if (IPAddress.TryParse(proxy, out var address))
                    forwarded.KnownProxies.Add(address);
            }
            foreach (var network in ForwardedHeadersSettings.Split(settings.Value.KnownNetworks))
            {
                if (System.Net.IPNetwork.TryParse(network, out var parsed))
                    forwarded.KnownIPNetworks.Add(parsed);
            }
        });
        services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));

        services.Configure<IdentityOptions>(identity =>
        {
            // OWASP ASVS 5.0 V6.2: length, not composition; CommonPasswordValidator refuses the common ones.
            identity.Password.RequiredLength = 12;
            identity.Password.RequireDigit = false;
            identity.Password.RequireLowercase = false;
            identity.Password.RequireUppercase = false;
            identity.Password.RequireNonAlphanumeric = false;
            identity.Password.RequiredUniqueChars = 1;
        });
        services.AddScoped<IPasswordValidator<AppUser>, CommonPasswordValidator>();
        services.AddScoped<IdentityErrorDescriber, LocalizedIdentityErrors>();
        services.AddSingleton<DecoyPasswordHash>();
        services.AddScoped<PasswordCheck>();
        services.AddOptions<SignInThrottleOptions>().Bind(configuration.GetSection("SignIn")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SignInThrottleOptions>, SignInThrottleOptionsValidator>();
        services.AddSingleton<SignInThrottle>();

        // "Sign out everywhere" renews the security stamp; other browsers' cookies are checked against it every minute.
        services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = TimeSpan.FromMinutes(1));
        // Cookies are Secure whenever the browser came over HTTPS, also through a TLS proxy (forwarded
        // headers above). Not Always: over plain HTTP that would break every form (antiforgery throws).
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure(cookie =>
        {
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            // The cookie never signs in the API: there the API's own scheme answers, challenges (401
            // problem, not a login redirect) and forbids, also for addresses the API does not have.
            cookie.ForwardDefaultSelector = http => ApiErrors.IsApi(http) ? ApiAuthenticationHandler.SchemeName : null;
        });
        services.Configure<AntiforgeryOptions>(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return services;
    }
}
