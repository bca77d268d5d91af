using Microsoft.Extensions.Options;

namespace ChildDashboard.Core.Services.Settings;

// IOptions<T> for the settings the settings page changes: the monitor's current value instead of a
// value fixed at the first read, so the services that take IOptions<T> (and read .Value at each
// use) follow a change without a restart.
public sealed class LiveOptions<T>(IOptionsMonitor<T> monitor) : IOptions<T> where T : class
{
    public T Value => monitor.CurrentValue;
}
