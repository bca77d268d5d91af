using System.Net;
using ChildDashboard.Tests.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Security;

// The app with small sign-in limits and a short window, and clients that say where they connect
// from (X-Test-Client sets the connection's address, as a TCP peer would; the in-memory server has
// none). Cookies are checked against the security stamp on every request instead of every minute.
public sealed class SignInFactory : ApiFactory
{
    public const string ClientHeader = "X-Test-Client";
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("SignIn:Window", "00:00:10");
        builder.UseSetting("SignIn:PerAccountAndAddress", "3");
        builder.UseSetting("SignIn:PerAddress", "6");
        builder.UseSetting("SignIn:PerAccount", "5");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, ClientAddressFilter>();
            services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = TimeSpan.Zero);
        });
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientHeader], out var address))
                    context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
