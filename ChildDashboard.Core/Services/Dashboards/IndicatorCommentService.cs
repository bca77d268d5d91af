using System.Collections.Concurrent;
using System.Collections.Immutable;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChildDashboard.Core.Services.Dashboards;

// Comments on indicators that are behind ("why are we behind", "what we will do") and the comments
// stored with values. Anyone who may read a unit reads them; those who may enter its data or
// approve its forms write them. Refusals are DashboardScopeException, whatever the page offered.
public sealed class IndicatorCommentService(IDbContextFactory<AppDbContext> factory, CatalogueCache catalogues, TimeProvider time, ILogger<IndicatorCommentService> logger)
{
    public const int MaxValueNotes = 50;

    private readonly ConcurrentDictionary<int, ImmutableArray<Func<Task>>> _watchers = new();

    public static bool CanWrite(UserAccess access, OrgUnit unit) => access.CanEnterData(unit) || access.CanApprove(unit);

    // The comments on the unit's indicators written for any period of the year of `period`, newest first.
    // indicatorCode: only that indicator's.
    public async Task<IReadOnlyList<IndicatorComment>> ListAsync(
        UserAccess access, OrgUnit unit, Period period, string? indicatorCode = null, CancellationToken ct = default)
    {
        EnsureCanRead(access, unit);
        var catalogue = await catalogues.GetAsync();
        var periods = PeriodsOfYear(period.Year);
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = db.Remarks.AsNoTracking()
            .Where(r => r.OrgUnitId == unit.Id && periods.Contains(r.Period) && r.IndicatorId != null
                && (r.Kind == CommentKind.Behind || r.Kind == CommentKind.Plan));
        if (indicatorCode is not null)
        {
            var id = catalogue.IndicatorsByCode.TryGetValue(indicatorCode, out var indicator) ? indicator.Id : -1;
            query = query.Where(r => r.IndicatorId == id);
        }
        var codes = catalogue.Indicators.ToDictionary(i => i.Id, i => i.Code);
        var remarks = await query.ToListAsync(ct);
        return remarks.Where(r => codes.ContainsKey(r.IndicatorId!.Value))
            .OrderByDescending(r => r.AtUtc).ThenByDescending(r => r.Id)
            .Select(r => new IndicatorComment(r.Id, r.Kind, codes[r.IndicatorId!.Value], r.OrgUnitId, r.Period, r.Text, r.Author, r.AtUtc))
            .ToList();
    }

    public async Task<IndicatorComment> AddAsync(
        UserAccess access, OrgUnit unit, string indicatorCode, Period period, CommentKind kind, string text, CancellationToken ct = default)
    {
        EnsureCanRead(access, unit);
        if (!CanWrite(access, unit))
        {
            throw new DashboardScopeException(Language.Pick(
                $"Chỉ cán bộ nhập liệu và lãnh đạo của {unit.NameVi} được ghi nhận xét.",
                $"Only data-entry staff and leaders of {unit.NameEn} may write comments."));
        }
        var catalogue = await catalogues.GetAsync();
        if (!catalogue.IndicatorsByCode.TryGetValue(indicatorCode, out var indicator))
            throw new ArgumentException(Language.Pick($"Không có chỉ tiêu mã '{indicatorCode}'.", $"There is no indicator '{indicatorCode}'."));
        if (kind is not (CommentKind.Behind or CommentKind.Plan))
            throw new ArgumentException(Language.Pick("Loại nhận xét không hợp lệ.", "Not a kind of comment on an indicator."));
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
            throw new ArgumentException(Language.Pick("Hãy viết nội dung nhận xét.", "Write the comment first."));
        if (trimmed.Length > Remark.MaxLength)
            throw new ArgumentException(Language.Pick($"Nhận xét tối đa {Remark.MaxLength} ký tự.", $"A comment takes at most {Remark.MaxLength} characters."));

        var remark = new Remark
        {
            Kind = kind, OrgUnitId = unit.Id, Period = period.Code, IndicatorId = indicator.Id,
            Text = trimmed, Author = access.UserName, AtUtc = time.GetUtcNow().UtcDateTime,
        };
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            db.Remarks.Add(remark);
            await db.SaveChangesAsync(ct);
        }
        if (_watchers.TryGetValue(unit.Id, out var watchers))
            await Task.WhenAll(watchers.Select(NotifyAsync));
        return new IndicatorComment(remark.Id, kind, indicator.Code, unit.Id, remark.Period, remark.Text, remark.Author, remark.AtUtc);
    }

    // The comments stored with values of the unit's territory (itself, the units below it and those
    // merged into it) for the periods of the year of `period`, newest first.
    public async Task<IReadOnlyList<ValueNote>> ValueNotesAsync(UserAccess access, OrgUnit unit, Period period, CancellationToken ct = default)
    {
        EnsureCanRead(access, unit);
        var catalogue = await catalogues.GetAsync();
        var units = catalogue.Units.All.Where(u => catalogue.Units.IsWithin(u, unit)).Select(u => u.Id).ToList();
        var periods = PeriodsOfYear(period.Year);
        await using var db = await factory.CreateDbContextAsync(ct);
        var values = await db.DataValues.AsNoTracking()
            .Where(v => v.Comment != null && v.Comment != "" && units.Contains(v.OrgUnitId) && periods.Contains(v.Period))
            .OrderByDescending(v => v.LastUpdatedUtc).Take(MaxValueNotes)
            .Select(v => new { v.DataElementId, v.OrgUnitId, v.Period, v.OptionCode, v.Value, v.Comment, v.StoredBy, v.LastUpdatedUtc })
            .ToListAsync(ct);
        var notes = await db.Remarks.AsNoTracking()
            .Where(r => r.Kind == CommentKind.Note && r.DataElementId != null && units.Contains(r.OrgUnitId) && periods.Contains(r.Period))
            .OrderByDescending(r => r.AtUtc).Take(MaxValueNotes)
            .ToListAsync(ct);
        return values.Select(v => Note(catalogue, v.DataElementId, v.OrgUnitId, v.Period, v.OptionCode, v.Value, v.Comment!, v.StoredBy, v.LastUpdatedUtc))
            .Concat(notes.Select(r => Note(catalogue, r.DataElementId!.Value, r.OrgUnitId, r.Period, r.OptionCode ?? "default", null, r.Text, r.Author, r.AtUtc)))
            .OrderByDescending(n => n.AtUtc).Take(MaxValueNotes).ToList();
    }

    // Calls onAdded after a comment is added to the unit (on this app server).
    public IDisposable Watch(int unitId, Func<Task> onAdded)
    {
        _watchers.AddOrUpdate(unitId, _ => [onAdded], (_, list) => list.Add(onAdded));
        return new Subscription(() => _watchers.AddOrUpdate(unitId, _ => [], (_, list) => list.Remove(onAdded)));
    }

    // One page failing must not fail the write or the other pages.
    private async Task NotifyAsync(Func<Task> watcher)
    {
        try
        {
            await watcher();
        }
        catch (Exception e)
        {
            logger.LogError(e, "A page failed to take a new comment.");
        }
    }

    private static ValueNote Note(Catalogue catalogue, int elementId, int unitId, string period, string option, double? value, string text, string? author, DateTime at)
    {
        var element = catalogue.ElementsById[elementId];
        var unit = catalogue.Units[unitId];
        return new ValueNote(element.Code, element.NameVi, element.NameEn, unit.NameVi, unit.NameEn, period, option, value, text, author, at);
    }

    private static List<string> PeriodsOfYear(int year) =>
        [Period.ForYear(year).Code, Period.ForHalf(year, 1).Code, Period.ForHalf(year, 2).Code,
         .. Enumerable.Range(1, 4).Select(q => Period.ForQuarter(year, q).Code)];

    private static void EnsureCanRead(UserAccess access, OrgUnit unit)
    {
        if (!access.CanRead(unit))
        {
            throw new DashboardScopeException(Language.Pick(
                $"{unit.NameVi} nằm ngoài phạm vi của bạn ({access.Scope.NameVi}).",
                $"{unit.NameEn} is outside your scope ({access.Scope.NameEn})."));
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
