using System.Collections.Concurrent;
using System.Collections.Immutable;
using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Notifications;
using Microsoft.Extensions.Logging;

namespace ChildDashboard.Core.Services.Dashboards;

// The leaders' dashboards as a read model shared by every page: one AnalyticsService question per
// (unit, period), kept until a change set touches it. A page watches its (unit, period); when a
// change touches it, the dashboard is computed once and handed to every watcher, so a thousand open
// pages of the same scope cost one computation and pages of other scopes are not called at all.
public sealed class DashboardService : IDisposable
{
    public const int TrendLength = 8;
    // Dashboards nobody watches are dropped past this many (each is a few kilobytes).
    private const int MaxUnwatched = 512;

    private readonly CatalogueCache _catalogues;
    private readonly AnalyticsService _analytics;
    private readonly TimeProvider _time;
    private readonly ILogger<DashboardService> _logger;
    private readonly IDisposable _subscription;
    private readonly ConcurrentDictionary<(int UnitId, Period Period), Lazy<Task<Dashboard>>> _cache = new();
    private readonly ConcurrentDictionary<(int UnitId, Period Period), ImmutableArray<Watcher>> _watchers = new();
    // A dashboard a change set made stale, kept until the next computation of its (unit, period)
    // to tell which statuses the change moved.
    private readonly ConcurrentDictionary<(int UnitId, Period Period), (Dashboard Before, ChangeSet Changes)> _before = new();
    private readonly ConcurrentDictionary<int, ImmutableList<StatusChange>> _statusChanges = new();
    public const int StatusChangesKept = 50;

    public DashboardService(CatalogueCache catalogues, AnalyticsService analytics, DataChangeNotifier notifier, TimeProvider time, ILogger<DashboardService> logger)
    {
        _catalogues = catalogues;
        _analytics = analytics;
        _time = time;
        _logger = logger;
        _subscription = notifier.Subscribe(OnChangedAsync);
    }

    // How many computations ran (tests and the benchmark check the sharing).
    public int Computations => _computations;
    private int _computations;

    public async Task<Dashboard> GetAsync(OrgUnit unit, Period period, UserAccess access, CancellationToken ct = default)
    {
        if (!access.CanRead(unit))
        {
            throw new DashboardScopeException(Language.Pick(
                $"{unit.NameVi} nằm ngoài phạm vi của bạn ({access.Scope.NameVi}).",
                $"{unit.NameEn} is outside your scope ({access.Scope.NameEn})."));
        }
        return await GetAsync((unit.Id, period)).WaitAsync(ct);
    }

    // The period a leader's overview opens on: the current year to date, or the last year while
    // no quarter of this one is over.
    public Period DefaultPeriod()
    {
        var today = VietnamClock.Today(_time);
        return today.Month > 3 ? Period.ForYear(today.Year) : Period.ForYear(today.Year - 1);
    }

    // Calls onChanged with the new dashboard whenever a change set touches (unit, period). The
    // caller must have been allowed the unit by GetAsync.
    public IDisposable Watch(OrgUnit unit, Period period, Func<Dashboard, ChangeSet, Task> onChanged)
    {
        var watcher = new Watcher((unit.Id, period), onChanged, this);
        _watchers.AddOrUpdate(watcher.Key, _ => [watcher], (_, list) => list.Add(watcher));
        return watcher;
    }

    public int WatcherCount => _watchers.Values.Sum(w => w.Length);

    // The latest status changes of the unit's dashboard for the period seen by this server (newest first).
    public IReadOnlyList<StatusChange> StatusChanges(OrgUnit unit, Period period) =>
        _statusChanges.TryGetValue(unit.Id, out var changes) ? changes.Where(c => c.Period == period).Reverse().ToList() : [];

    private Task<Dashboard> GetAsync((int UnitId, Period Period) key)
    {
        var lazy = _cache.GetOrAdd(key, k => new Lazy<Task<Dashboard>>(() => ComputeAsync(k)));
        var task = lazy.Value;
        if (task.IsFaulted || task.IsCanceled)
        {
            // A failed computation is not kept: the next caller tries again.
            _cache.TryRemove(new KeyValuePair<(int, Period), Lazy<Task<Dashboard>>>(key, lazy));
        }
        return task;
    }

    private async Task<Dashboard> ComputeAsync((int UnitId, Period Period) key)
    {
        Interlocked.Increment(ref _computations);
        TrimUnwatched();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var catalogue = await _catalogues.GetAsync();
        var unit = catalogue.Units[key.UnitId];
        var period = key.Period;
        var today = VietnamClock.Today(_time);
        var lastYear = new Period(period.Type, period.Year - 1, period.Index);
        var partial = period.End >= today;
        var through = partial ? DataThrough(period, today) : null;
        var sameSpan = SameSpanLastYear(period, through);
        var lastTrendYear = period.YearPeriod.End < today ? period.Year : period.Year - 1;
        var trendYears = Enumerable.Range(lastTrendYear - TrendLength + 1, TrendLength).ToList();
        var periods = trendYears.Select(y => Period.ForYear(y).Code).Append(period.Code).Append(lastYear.Code)
            .Concat(sameSpan.Select(p => p.Code)).Distinct().ToList();
        var reference = new OrgUnitReference(unit.Code, unit.OpeningDate).ToString();

        var result = await _analytics.QueryAsync(
            new AnalyticsQuery([AnalyticsService.AllIndicators], [reference], periods, Forecast: true));
        if (!result.IsValid)
            throw new InvalidOperationException(string.Join(" ", result.Errors));
        var byKey = result.Rows.ToDictionary(r => (r.Indicator, r.Period));

        var rows = new List<DashboardRow>(catalogue.Indicators.Count);
        var readFrom = Period.ForYear(Math.Min(trendYears[0], lastYear.Year)).Start;
        foreach (var indicator in catalogue.Indicators.Where(i => catalogue.IsActiveIn(i, period)))
        {
            var now = byKey[(indicator.Code, period.Code)];
            var forecast = now.Forecast;
            // Without a forecast but with a target, a value of any earlier year could make one.
            var dependsFrom = forecast is not null ? Min(readFrom, Period.ForYear(forecast.FromYear).Start)
                : now.TargetYear is not null ? Period.ForYear(Period.MinYear).Start
                : readFrom;
            var elementIds = indicator.ElementCodes()
                .Where(catalogue.ElementsByCode.ContainsKey).Select(code => catalogue.ElementsByCode[code].Id).ToList();
            rows.Add(new DashboardRow(
                indicator, now.Value, now.Numerator, now.Denominator,
                now.Baseline, now.BaselineYear, now.Target, now.TargetYear, now.Progress, now.Expected, now.Status,
                sameSpan.Count == 0 ? byKey[(indicator.Code, lastYear.Code)].Value
                    : LastYearSoFar(indicator, catalogue, sameSpan, q => byKey[(indicator.Code, q.Code)].Value),
                trendYears.Select(y => byKey[(indicator.Code, Period.ForYear(y).Code)].Value).ToList(),
                forecast, elementIds, dependsFrom));
        }
        _logger.LogInformation("Dashboard of {Unit} for {Period} computed in {Elapsed:F0} ms.",
            unit.Code, period.Code, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        var dashboard = new Dashboard(unit, period, partial, through, catalogue.IsDemoData,
            trendYears, rows, _time.GetUtcNow());
        if (_before.TryRemove(key, out var before))
            RecordStatusChanges(before.Before, dashboard, before.Changes);
        return dashboard;
    }

    private void RecordStatusChanges(Dashboard before, Dashboard after, ChangeSet changes)
    {
        var was = before.Rows.ToDictionary(r => r.Indicator.Id, r => r.Status);
        var moved = after.Rows
            .Where(r => was.TryGetValue(r.Indicator.Id, out var status) && status != r.Status)
            .Select(r => new StatusChange(after.Unit.Id, after.Period, r.Indicator, was[r.Indicator.Id], r.Status, changes.ChangedBy, changes.ChangedAtUtc))
            .ToList();
        if (moved.Count == 0)
            return;
        _statusChanges.AddOrUpdate(after.Unit.Id, _ => Keep([.. moved]), (_, list) => Keep(list.AddRange(moved)));

        static ImmutableList<StatusChange> Keep(ImmutableList<StatusChange> list) =>
            list.Count <= StatusChangesKept ? list : list.RemoveRange(0, list.Count - StatusChangesKept);
    }

    // The last quarter inside the period that is over by today (null: none yet).
    private static Period? DataThrough(Period period, DateOnly today)
    {
        Period? last = null;
        foreach (var quarter in period.Type >= PeriodType.Quarterly ? period.Split(PeriodType.Quarterly) : [])
        {
            if (quarter.End < today)
                last = quarter;
        }
        return last;
    }

    // A period not over yet compares with the same quarters a year earlier: the quarters of last
    // year from the period's start to the quarter the data reach (none: compare whole periods).
    private static List<Period> SameSpanLastYear(Period period, Period? through)
    {
        if (through is not { } last || period.Type == PeriodType.Quarterly)
            return [];
        return period.Split(PeriodType.Quarterly).Where(q => q.CompareTo(last) <= 0)
            .Select(q => Period.ForQuarter(q.Year - 1, q.Index)).ToList();
    }

    // Events counted (denominator 1, quarterly sums) add up over those quarters; rates, shares and
    // stocks compare with their value at the last of them, the same point of last year.
    private static double? LastYearSoFar(Indicator indicator, Catalogue catalogue, List<Period> quarters, Func<Period, double?> value)
    {
        if (!ProgressCalculator.IsEventCount(indicator, catalogue.ElementsByCode))
            return value(quarters[^1]);
        double? total = null;
        foreach (var quarter in quarters)
        {
            if (value(quarter) is { } v)
                total = (total ?? 0) + v;
        }
        return total;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private async Task OnChangedAsync(ChangeSet changes)
    {
        var touched = new List<(int, Period)>();
        foreach (var (key, lazy) in _cache)
        {
            // A dashboard still being computed may have read the values before this change.
            var stale = !lazy.IsValueCreated || !lazy.Value.IsCompletedSuccessfully || lazy.Value.Result.IsTouchedBy(changes);
            if (stale && _cache.TryRemove(new KeyValuePair<(int, Period), Lazy<Task<Dashboard>>>(key, lazy)))
            {
                touched.Add(key);
                // A reload after missed changes cannot say who moved what.
                if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully && changes.Kind != ChangeKind.Everything)
                    _before.AddOrUpdate(key, (lazy.Value.Result, changes), (_, kept) => (kept.Before, changes));
            }
        }
        foreach (var key in touched)
        {
            if (!_watchers.TryGetValue(key, out var watchers) || watchers.IsEmpty)
                continue;
            Dashboard dashboard;
            try
            {
                dashboard = await GetAsync(key);
            }
            catch (Exception e)
            {
                _logger.LogError(e, "The dashboard of unit {UnitId} for {Period} could not be computed again.", key.Item1, key.Item2.Code);
                continue;
            }
            await Task.WhenAll(watchers.Select(w => w.NotifyAsync(dashboard, changes)));
            _logger.LogInformation("Dashboard of unit {UnitId} for {Period} handed to {Pages} pages {Elapsed:F0} ms after the change.",
                key.Item1, key.Item2.Code, watchers.Length, (_time.GetUtcNow() - changes.ChangedAtUtc).TotalMilliseconds);
        }
    }

    private void TrimUnwatched()
    {
        if (_before.Count > MaxUnwatched)
            _before.Clear();
        if (_cache.Count <= MaxUnwatched)
            return;
        foreach (var key in _cache.Keys)
        {
            if (!_watchers.TryGetValue(key, out var watchers) || watchers.IsEmpty)
                _cache.TryRemove(key, out _);
        }
    }

    private void Remove(Watcher watcher)
    {
        _watchers.AddOrUpdate(watcher.Key, _ => [], (_, list) => list.Remove(watcher));
    }

    public void Dispose() => _subscription.Dispose();

    private sealed class Watcher((int, Period) key, Func<Dashboard, ChangeSet, Task> onChanged, DashboardService owner) : IDisposable
    {
        public (int UnitId, Period Period) Key { get; } = key;

        public async Task NotifyAsync(Dashboard dashboard, ChangeSet changes)
        {
            try
            {
                await onChanged(dashboard, changes);
            }
            catch (Exception e)
            {
                // One page failing must not keep the others from their update.
                owner._logger.LogError(e, "A dashboard page failed to take an update.");
            }
        }

        public void Dispose() => owner.Remove(this);
    }
}
