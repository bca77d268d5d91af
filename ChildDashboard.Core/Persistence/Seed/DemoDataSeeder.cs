using ChildDashboard.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Core.Persistence.Seed;

// Fills an empty database with the synthetic demo data set, from 2016Q1 to the last complete
// quarter, through BulkValueWriter in one transaction.
public sealed class DemoDataSeeder(TimeProvider time)
{
    public static readonly Period FirstQuarter = Period.ForQuarter(2016, 1);

    public Period LastCompleteQuarter()
    {
        var today = VietnamClock.Today(time);
        var current = Period.ForQuarter(today.Year, (today.Month - 1) / 3 + 1);
        return Period.ForQuarter(current.Start.AddDays(-1).Year, (current.Start.AddDays(-1).Month - 1) / 3 + 1);
    }

    // Returns the number of values written; 0 when the database already holds data values.
    public async Task<int> SeedAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (await db.DataValues.AnyAsync(ct))
            return 0;

        var units = new OrgUnitDirectory(await db.OrgUnits.AsNoTracking().Include(u => u.Successor).ToListAsync(ct));
        var elements = await db.DataElements.AsNoTracking().ToListAsync(ct);
        var elementIds = elements.ToDictionary(e => e.Code, e => e.Id);
        var lastQuarter = LastCompleteQuarter();
        var model = new DemoDataModel(units, FirstQuarter, lastQuarter);
        var now = time.GetUtcNow().UtcDateTime;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var written = await InsertValuesAsync(db, model.Values(elements), elementIds, now, ct);
        db.ReportForms.AddRange(Forms(units, model, lastQuarter, now));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return written;
    }

    private static Task<int> InsertValuesAsync(
        AppDbContext db, IEnumerable<DemoValue> values, Dictionary<string, int> elementIds, DateTime now, CancellationToken ct)
    {
        var rows = values.Select(v =>
        {
            var reported = v.Period.End.AddDays(10).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
            return new BulkValueWriter.NewValue(elementIds[v.ElementCode], v.Unit.Id, v.Period, v.OptionCode, v.Value, Min(reported, now));
        });
        return BulkValueWriter.InsertAsync(db.Database.GetDbConnection(), rows, DemoData.UserName, ct);
    }

    // Older quarters are approved; the last one is a mix of approved, submitted and draft forms.
    private static IEnumerable<ReportForm> Forms(OrgUnitDirectory units, DemoDataModel model, Period lastQuarter, DateTime now)
    {
        for (var quarter = FirstQuarter; quarter.CompareTo(lastQuarter) <= 0; quarter = quarter.Next())
        {
            foreach (var province in units.OpenOn(quarter.Start, 2).Where(p => !model.IsMissingReport(p, quarter)))
            {
                var draw = StableRandom.Next($"form|{province.Code}|{quarter.Code}");
                var state = quarter != lastQuarter || draw < 0.5 ? FormStatus.Approved
                    : draw < 0.8 ? FormStatus.Submitted
                    : FormStatus.Draft;
                var submittedAt = Min(quarter.End.AddDays(5 + (int)(draw * 20)).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), now);
                yield return new ReportForm
                {
                    OrgUnitId = province.Id,
                    Period = quarter.Code,
                    Status = state,
                    SubmittedAtUtc = state == FormStatus.Draft ? null : submittedAt,
                    SubmittedBy = state == FormStatus.Draft ? null : DemoData.UserName,
                    ApprovedAtUtc = state == FormStatus.Approved ? Min(submittedAt.AddDays(7), now) : null,
                    ApprovedBy = state == FormStatus.Approved ? DemoData.UserName : null,
                };
            }
        }
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
