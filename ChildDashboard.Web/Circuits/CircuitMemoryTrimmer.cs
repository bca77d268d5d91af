using Microsoft.Extensions.Options;

namespace ChildDashboard.Web.Circuits;

// When many pages close, what they held becomes garbage in the old generation, and no collection
// runs while the server idles (a full one comes only once that generation's budget is spent by new
// allocations), so the process keeps its peak memory for hours. Once the open circuits have fallen
// by Circuits:Trim:MinClosed and by MinShare of their peak and stopped falling, one full, compacting
// collection that gives memory back to the system (GCCollectionMode.Aggressive) runs, at most
// every MinInterval.
public sealed class CircuitMemoryTrimmer(
    CircuitCensus census, IOptions<CircuitTrimOptions> options, TimeProvider time, ILogger<CircuitMemoryTrimmer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
            return;
        using var timer = new PeriodicTimer(settings.CheckInterval, time);
        var policy = new CircuitTrimPolicy(settings);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var peak = policy.Peak;
                var open = census.Open;
                if (!policy.ShouldTrim(open, time.GetUtcNow()))
                    continue;
                var before = GC.GetTotalMemory(false);
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                logger.LogInformation("{Closed} of {Peak} pages closed: memory trimmed from {Before:N0} MB to {After:N0} MB of managed heap.",
                    Math.Max(peak, open) - open, Math.Max(peak, open), before / 1_000_000, GC.GetTotalMemory(false) / 1_000_000);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}

// Trim when the open circuits have fallen from their peak since the last trim by MinClosed and by
// MinShare of that peak, have not changed since the last check (the pages have stopped closing),
// and the last trim is MinInterval ago.
public sealed class CircuitTrimPolicy(CircuitTrimOptions options)
{
    private DateTimeOffset _lastTrim = DateTimeOffset.MinValue;
    private int _previous = -1;

    public int Peak { get; private set; }

    public bool ShouldTrim(int open, DateTimeOffset now)
    {
        Peak = Math.Max(Peak, open);
        var closed = Peak - open;
        var settled = open == _previous;
        _previous = open;
        if (!settled || closed < options.MinClosed || closed < Peak * options.MinShare || now - _lastTrim < options.MinInterval)
            return false;
        Peak = open;
        _lastTrim = now;
        return true;
    }
}

// Bound from `Circuits:Trim`; the defaults are in appsettings.json and the README.
public sealed class CircuitTrimOptions
{
    public bool Enabled { get; set; } = true;

    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    public int MinClosed { get; set; } = 100;

    public double MinShare { get; set; } = 0.5;

    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMinutes(2);
}
