using ChildDashboard.Core;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services.Settings;
using ChildDashboard.Web;
using ChildDashboard.Web.Account;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = WebRoot.Locate(Directory.GetCurrentDirectory(), AppContext.BaseDirectory),
});

// `backup FILE`: an administrator's consistent copy of the database, taken while the app may be running.
if (args is ["backup", var target, ..])
{
    try
    {
        await DatabaseBackup.RunAsync(builder.Configuration, builder.Environment.ContentRootPath, target);
        Console.WriteLine($"Backup written to {Path.GetFullPath(target)}.");
    }
    catch (InvalidOperationException e)
    {
        Console.Error.WriteLine($"Backup failed: {e.Message}");
        Environment.ExitCode = 1;
    }
    return;
}

builder.Services.AddChildDashboardCore(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddChildDashboardWeb(builder.Configuration);

var app = builder.Build();

// Settings are checked before anything touches the database: a wrong one stops the app, naming its key.
app.Services.GetRequiredService<IStartupValidator>().Validate();
await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
// The values are read from here on, beside the rest of start-up (tests may leave the warm-up out).
app.Services.GetService<AnalyticsWarmUp>()?.Begin(app.Lifetime.ApplicationStopping);
// The settings page's values over the configuration's (checked again when they are saved), and the
// built-in accounts, which do not wait for each other.
await Task.WhenAll(
    Task.Run(() => app.Services.GetRequiredService<SettingsStore>().LoadAsync()),
    app.Services.GetRequiredService<AccountSeeder>().SeedAsync());

app.UseChildDashboardPipeline();
app.Run();

// Lets the end-to-end and API tests reference the app.
public partial class Program;
