using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Core.Services.Dashboards;

// The latest accepted changes of values inside a unit, from the audit trail, shared by the pages
// that show that unit and read again only after a change set of values.
public sealed class RecentChangesService : IDisposable
{
    public const int Batches = 5;
    public const int FiguresPerBatch = 6;
    private readonly IDbContextFactory<AppDbContext> _factory;
    private readonly CatalogueCache _catalogues;
    private readonly IDisposable _subscription;
    private readonly ConcurrentDictionary<int, Lazy<Task<IReadOnlyList<RecentChange>>>> _cache = new();
    // The change sets already applied to the cache: whichever comes first, the notifier or a page
    // that has heard of the change, drops the cache once.
    private readonly ConditionalWeakTable<ChangeSet, object> _applied = new();

    public RecentChangesService(IDbContextFactory<AppDbContext> factory, CatalogueCache catalogues, DataChangeNotifier notifier)
    {
        _factory = factory;
        _catalogues = catalogues;
        _subscription = notifier.Subscribe(changes =>
        {
            Apply(changes);
            return Task.CompletedTask;
        });
    }

    // after: a change set the caller has heard of; the answer includes it.
    public async Task<IReadOnlyList<RecentChange>> GetAsync(OrgUnit unit, UserAccess access, ChangeSet? after = null, CancellationToken ct = default)
    {
        if (!access.CanRead(unit))
        {
            throw new DashboardScopeException(Language.Pick(
                $"{unit.NameVi} nằm ngoài phạm vi của bạn ({access.Scope.NameVi}).",
                $"{unit.NameEn} is outside your scope ({access.Scope.NameEn})."));
        }
        if (after is not null)
            Apply(after);
        var lazy = _cache.GetOrAdd(unit.Id, id => new Lazy<Task<IReadOnlyList<RecentChange>>>(() => ReadAsync(id)));
        if (lazy.Value.IsFaulted)
            _cache.TryRemove(new KeyValuePair<int, Lazy<Task<IReadOnlyList<RecentChange>>>>(unit.Id, lazy));
        return await lazy.Value.WaitAsync(ct);
    }

    private void Apply(ChangeSet changes)
    {
        if (changes.Kind == ChangeKind.Targets)
            return;
        lock (_applied)
        {
            if (_applied.TryGetValue(changes, out _))
                return;
            _applied.Add(changes, changes);
        }
        foreach (var unitId in _cache.Keys)
        {
            if (changes.TouchesUnit(unitId))
                _cache.TryRemove(unitId, out _);
        }
    }

    private async Task<IReadOnlyList<RecentChange>> ReadAsync(int unitId)
    {
        var catalogue = await _catalogues.GetAsync();
        var unit = catalogue.Units[unitId];
        var inside = catalogue.Units.All.Where(u => catalogue.Units.IsWithin(u, unit)).Select(u => u.Id).ToList();
        await using var db = await _factory.CreateDbContextAsync();
        var query = db.DataValueAudits.AsNoTracking();
        if (unit.ParentId is not null)
            query = query.Where(a => inside.Contains(a.OrgUnitId));
        var latest = await query.GroupBy(a => a.BatchId)
            .Select(g => new { BatchId = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.BatchId).Take(Batches).ToListAsync();
        var batchIds = latest.Select(b => b.BatchId).ToList();
        var batches = await db.AuditBatches.AsNoTracking().Where(b => batchIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id);

        var changes = new List<RecentChange>(latest.Count);
        foreach (var group in latest)
        {
            var figures = await query.Where(a => a.BatchId == group.BatchId).OrderBy(a => a.Id).Take(FiguresPerBatch).ToListAsync();
            var batch = batches[group.BatchId];
            changes.Add(new RecentChange(batch.Id, batch.ChangedBy, batch.ChangedAtUtc, batch.Reason,
                figures.Select(a => Figure(catalogue, a)).ToList(), group.Count));
        }
        return changes;
    }

    private static MovedFigure Figure(Catalogue catalogue, DataValueAudit audit)
    {
        var element = catalogue.ElementsById[audit.DataElementId];
        var unit = catalogue.Units[audit.OrgUnitId];
        return new MovedFigure(element.Code, element.NameVi, element.NameEn, unit.NameVi, unit.NameEn,
            audit.Period, audit.OptionCode, audit.OldValue, audit.NewValue, audit.Comment);
    }

    public void Dispose() => _subscription.Dispose();
}
