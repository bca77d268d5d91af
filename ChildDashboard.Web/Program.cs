using ChildDashboard.Core;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Web;
using ChildDashboard.Web.Account;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = WebRoot.Locate(Directory.GetCurrentDirectory(), AppContext.BaseDirectory),
});

builder.Services.AddChildDashboardCore(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddChildDashboardWeb(builder.Configuration);

var app = builder.Build();

await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
await app.Services.GetRequiredService<AccountSeeder>().SeedAsync();

app.UseChildDashboardPipeline();
app.Run();

// Lets the end-to-end and API tests reference the app.
public partial class Program;
