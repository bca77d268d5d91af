using ChildDashboard.Web.Circuits;

namespace ChildDashboard.Tests.Web.Circuits;

public class CircuitCensusTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheCensusCountsOpenAndConnectedCircuits()
    {
        var census = new CircuitCensus();
        var handler = new CircuitCensusHandler(census);

        await handler.OnCircuitOpenedAsync(null!, default);
        await handler.OnConnectionUpAsync(null!, default);
        await handler.OnCircuitOpenedAsync(null!, default);
        await handler.OnConnectionUpAsync(null!, default);
        await handler.OnConnectionDownAsync(null!, default);
        await handler.OnCircuitClosedAsync(null!, default);

        Assert.Equal(1, census.Open);
        Assert.Equal(1, census.Connected);
    }

    [Fact]
    public void MemoryIsTrimmedOnceEnoughOfThePeakHasClosed()
    {
        var policy = new CircuitTrimPolicy(new CircuitTrimOptions { MinClosed = 100, MinShare = 0.5, MinInterval = TimeSpan.FromMinutes(5) });

        Assert.False(policy.ShouldTrim(1000, Start));
        Assert.False(policy.ShouldTrim(600, Start.AddSeconds(30)));
        Assert.False(policy.ShouldTrim(600, Start.AddSeconds(60)));
        // Pages still closing: the collection waits until they stop.
        Assert.False(policy.ShouldTrim(400, Start.AddSeconds(90)));
        Assert.True(policy.ShouldTrim(400, Start.AddSeconds(120)));
        // The next trim counts from what was open then.
        Assert.False(policy.ShouldTrim(250, Start.AddMinutes(10)));
        Assert.False(policy.ShouldTrim(250, Start.AddMinutes(11)));
        Assert.False(policy.ShouldTrim(150, Start.AddMinutes(12)));
        Assert.True(policy.ShouldTrim(150, Start.AddMinutes(13)));
    }

    [Fact]
    public void AFewClosedPagesOrARecentTrimWait()
    {
        var policy = new CircuitTrimPolicy(new CircuitTrimOptions { MinClosed = 100, MinShare = 0.5, MinInterval = TimeSpan.FromMinutes(5) });

        Assert.False(policy.ShouldTrim(150, Start));
        Assert.False(policy.ShouldTrim(60, Start.AddSeconds(30)));
        Assert.False(policy.ShouldTrim(60, Start.AddSeconds(60)));
        Assert.False(policy.ShouldTrim(1000, Start.AddMinutes(1)));
        Assert.False(policy.ShouldTrim(0, Start.AddMinutes(2)));
        Assert.True(policy.ShouldTrim(0, Start.AddMinutes(3)));
        Assert.False(policy.ShouldTrim(1000, Start.AddMinutes(4)));
        Assert.False(policy.ShouldTrim(0, Start.AddMinutes(5)));
        Assert.False(policy.ShouldTrim(0, Start.AddMinutes(6)));
        Assert.True(policy.ShouldTrim(0, Start.AddMinutes(8)));
    }
}
