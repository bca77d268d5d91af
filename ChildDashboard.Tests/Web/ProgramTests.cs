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

    [Theory]
    [InlineData("Import:MaxCount", "0", "Import:MaxCount must be between 1 and 9007199254740992 (2^53), not 0.")]
    [InlineData("Import:MaxMoney", "9007199254740993", "Import:MaxMoney must be between 1 and 9007199254740992 (2^53)")]
    [InlineData("Import:OpenFutureYears", "-1", "Import:OpenFutureYears must be between 0 and 50, not -1.")]
    [InlineData("SignIn:Window", "00:00:00", "SignIn:Window must be longer than 0")]
    [InlineData("SignIn:PerAccount", "0", "SignIn:PerAccount must be between 1 and 100000, not 0.")]
    [InlineData("ForwardedHeaders:KnownProxies", "10.0.0.1, proxy.local", "ForwardedHeaders:KnownProxies: 'proxy.local' is not an IP address.")]
    [InlineData("ForwardedHeaders:KnownNetworks", "10.0.0.0/33", "ForwardedHeaders:KnownNetworks: '10.0.0.0/33' is not a network")]
    public async Task ANewSettingOutOfRangeStopsTheAppNamingIt(string key, string value, string message)
    {
        var failure = await StartWithAsync(key, value);

        Assert.Contains(message, Assert.IsType<OptionsValidationException>(failure).Message);
    }
}
