namespace ChildDashboard.Core.Notifications;

// Tells open pages that stored values changed, so dashboards reload instead of polling.
public sealed class DataChangeNotifier
{
    public event Func<Task>? Changed;

    public async Task NotifyAsync()
    {
        if (Changed is not { } handlers)
            return;
        foreach (var handler in handlers.GetInvocationList().Cast<Func<Task>>())
            await handler();
    }
}
