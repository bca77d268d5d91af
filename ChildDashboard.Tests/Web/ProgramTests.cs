using ChildDashboard.Tests.Web.Api;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Tests.Web;

// The app as started from Program: a wrong setting stops it before it serves anything.
public class ProgramTests
{
    private static async Task<Exception?> StartWithAsync(string key, string value)
    {
        var factory = new ApiFactory();
        try
        {
            await using var app = factory.WithWebHostBuilder(builder => builder.UseSetting(key, value));
            return Record.Exception(() => app.Services);
        }
        finally
        {
            await ((IAsyncLifetime)factory).DisposeAsync();
        }
    }

    [Fact]
    public async Task AnOutOfRangeMarginStopsTheAppNamingTheSetting()
    {
        var failure = await StartWithAsync("Status:OnTrackMargin", "2");

        var invalid = Assert.IsType<OptionsValidationException>(failure);
        Assert.Contains("Status:OnTrackMargin must be between 0 and 1, not 2.", invalid.Message);
    }

    [Fact]
    public async Task ANonNumericMarginStopsTheAppNamingTheSetting()
    {
        var failure = await StartWithAsync("Status:OnTrackMargin", "abc");

        Assert.IsType<InvalidOperationException>(failure);
        Assert.Contains("'Status:OnTrackMargin'", failure.Message);
    }

    [Fact]
    public async Task AZeroImportLimitStopsTheAppNamingTheSetting()
    {
        var failure = await StartWithAsync("Import:MaxFileBytes", "0");

        Assert.Contains("Import:MaxFileBytes", Assert.IsType<OptionsValidationException>(failure).Message);
    }
}
