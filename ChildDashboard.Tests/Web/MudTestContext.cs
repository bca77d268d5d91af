using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace ChildDashboard.Tests.Web;

// bUnit context with MudBlazor's services, the app's string resources and a chosen culture.
// xunit disposes it asynchronously (MudBlazor's services are IAsyncDisposable).
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
    private readonly CultureInfo _previousCulture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _previousUiCulture = CultureInfo.CurrentUICulture;

    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        // Pages load their figures in the background; on a busy 2-core CI machine that can take
        // longer than bUnit's default second.
        DefaultWaitTimeout = TimeSpan.FromSeconds(15);
        Services.AddMudServices(options =>
        {
            options.PopoverOptions.CheckForPopoverProvider = false;
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        UseCulture("vi-VN");
    }

    protected static void UseCulture(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        CultureInfo.CurrentCulture = _previousCulture;
        CultureInfo.CurrentUICulture = _previousUiCulture;
        await DisposeAsync();
    }
}
