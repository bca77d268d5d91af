using System.Globalization;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;

namespace ChildDashboard.Core.Services.Settings;

// The settings changed on the settings page, held in memory over the configuration's values. The
// options (IOptionsMonitor, and IOptions through LiveOptions) are computed again whenever they
// change, so a new deadline or margin applies at once, without a restart; another app server's
// change arrives as a change set from elsewhere and is read again from the database.
public sealed class SettingsStore : IDisposable
{
    // The options as configured, without the page's overrides: what "back to the default" gives.
    public const string ConfiguredName = "Configured";

    private readonly IDbContextFactory<AppDbContext> _factory;
    private readonly IDisposable _subscription;
    private IReadOnlyDictionary<string, double> _overrides = new Dictionary<string, double>();
    private CancellationTokenSource _changed = new();

    public SettingsStore(IDbContextFactory<AppDbContext> factory, DataChangeNotifier notifier)
    {
        _factory = factory;
        _subscription = notifier.Subscribe(changes =>
            changes.Origin is not null && changes.Kind is ChangeKind.Targets or ChangeKind.Everything ? LoadAsync() : Task.CompletedTask);
    }

    public IReadOnlyDictionary<string, double> Overrides => _overrides;

    public IChangeToken ChangeToken => new CancellationChangeToken(_changed.Token);

    public async Task LoadAsync(CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var stored = await db.SystemSettings.AsNoTracking().ToListAsync(ct);
        var known = SettingDefinition.All.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        Set(stored
            .Where(s => known.Contains(s.Key) && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .ToDictionary(s => s.Key, s => double.Parse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture)));
    }

    public void Set(IReadOnlyDictionary<string, double> overrides)
    {
        _overrides = overrides;
        var previous = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
        previous.Cancel();
        previous.Dispose();
    }

    // Sets the overridden properties of one options object (StatusOptions, ReportingOptions, ImportOptions).
    public static void Apply(object options, IReadOnlyDictionary<string, double> overrides)
    {
        foreach (var definition in SettingDefinition.All)
        {
            if (definition.Options == options.GetType() && overrides.TryGetValue(definition.Key, out var value))
                definition.Write(options, value);
        }
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _changed.Dispose();
    }
}
