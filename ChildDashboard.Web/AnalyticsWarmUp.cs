using ChildDashboard.Core.Services;

namespace ChildDashboard.Web;

// Loads the analytics values in the background at start-up, so that the first person to open a
// dashboard does not wait for millions of values to be read.
public sealed class AnalyticsWarmUp(ValueStore store, ILogger<AnalyticsWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await store.WarmUpAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The first question loads the values itself; this was only a head start.
            logger.LogWarning(e, "Analytics warm-up failed.");
        }
    }
}
