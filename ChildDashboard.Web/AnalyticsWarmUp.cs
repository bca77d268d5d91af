using ChildDashboard.Core.Services;

namespace ChildDashboard.Web;

// Loads the analytics values in the background at start-up, so that the first person to open a
// dashboard does not wait for millions of values to be read. Program begins it as soon as the
// database is migrated and seeded, so that the values are read while the rest of start-up runs
// (the accounts, the pipeline, the server); a question that comes before they are in waits for them.
public sealed class AnalyticsWarmUp(ValueStore store, ILogger<AnalyticsWarmUp> logger)
{
    private Task? _running;

    public void Begin(CancellationToken stopping)
    {
        if (_running is null)
            _running = Task.Run(() => LoadAsync(stopping), CancellationToken.None);
    }

    private async Task LoadAsync(CancellationToken stopping)
    {
        try
        {
            await store.WarmUpAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The app stopped before the values were in.
        }
        catch (Exception e)
        {
            // The first question loads the values itself; this was only a head start.
            logger.LogWarning(e, "Analytics warm-up failed.");
        }
    }
}
