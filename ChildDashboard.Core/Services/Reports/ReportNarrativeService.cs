using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Core.Services.Reports;

// The free text of a report to the ministry, one per unit × report period. Saving names the
// version it was edited from: if someone saved in between, the save is refused with their text,
// never written over it (the hand-kept token of ReportNarrative.Version).
public sealed class ReportNarrativeService(IDbContextFactory<AppDbContext> factory, TimeProvider time)
{
    public sealed record Narrative(string Text, string? UpdatedBy, DateTimeOffset? UpdatedAt, int Version);

    public enum SaveStatus { Saved, Conflict, Forbidden, Invalid }

    public sealed record SaveResult(SaveStatus Status, Narrative Current, string? Message);

    public static readonly Narrative Empty = new("", null, null, 0);

    public async Task<Narrative> GetAsync(OrgUnit unit, Period report, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.ReportNarratives.AsNoTracking().SingleOrDefaultAsync(n => n.OrgUnitId == unit.Id && n.Period == report.Code, ct);
        return row is null ? Empty : View(row);
    }

    // When each unit last saved its narrative for the report (the national roll-up's annex).
    public async Task<IReadOnlyDictionary<int, DateTimeOffset>> UpdatedAsync(Period report, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.ReportNarratives.AsNoTracking().Where(n => n.Period == report.Code)
            .Select(n => new { n.OrgUnitId, n.UpdatedAtUtc }).ToListAsync(ct);
        return rows.ToDictionary(r => r.OrgUnitId, r => ToVietnam(r.UpdatedAtUtc));
    }

    public async Task<SaveResult> SaveAsync(UserAccess access, OrgUnit unit, Period report, string text, int editedVersion, CancellationToken ct = default)
    {
        if (!access.CanWriteNarrative(unit) || !MinistryReportPeriod.IsReportingUnit(unit))
            return new SaveResult(SaveStatus.Forbidden, Empty, Language.Pick(
                "Chỉ cán bộ nhập liệu, lãnh đạo và quản trị viên của đơn vị được viết phần đánh giá của báo cáo.",
                "Only the unit's data-entry staff, leaders and administrators may write the report's assessment."));
        text = text.Trim();
        if (text.Length > ReportNarrative.MaxLength)
            return new SaveResult(SaveStatus.Invalid, await GetAsync(unit, report, ct), Language.Pick(
                $"Phần đánh giá dài quá {ReportNarrative.MaxLength:N0} ký tự.", $"The assessment is longer than {ReportNarrative.MaxLength:N0} characters."));

        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.ReportNarratives.SingleOrDefaultAsync(n => n.OrgUnitId == unit.Id && n.Period == report.Code, ct);
        if ((row?.Version ?? 0) != editedVersion)
            return Conflict(row is null ? Empty : View(row));
        var now = time.GetUtcNow().UtcDateTime;
        if (row is null)
        {
            row = new ReportNarrative { OrgUnitId = unit.Id, Period = report.Code, Text = text, UpdatedBy = access.UserName, UpdatedAtUtc = now, Version = 1 };
            db.ReportNarratives.Add(row);
        }
        else
        {
            row.Text = text;
            row.UpdatedBy = access.UserName;
            row.UpdatedAtUtc = now;
            row.Version = editedVersion + 1;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone saved between our read and our write: the token (or the unique key of a
            // first save) refused ours. Show theirs.
            return Conflict(await GetAsync(unit, report, ct));
        }
        return new SaveResult(SaveStatus.Saved, View(row), null);
    }

    private static SaveResult Conflict(Narrative current) => new(SaveStatus.Conflict, current, Language.Pick(
        $"{current.UpdatedBy} đã lưu phần đánh giá lúc {current.UpdatedAt:dd/MM/yyyy HH:mm} trong khi bạn sửa. Nội dung của họ ở dưới; hãy chép phần của bạn rồi lưu lại.",
        $"{current.UpdatedBy} saved the assessment at {current.UpdatedAt:yyyy-MM-dd HH:mm} while you were editing. Their text is shown; copy yours in and save again."));

    private static Narrative View(ReportNarrative row) => new(row.Text, row.UpdatedBy, ToVietnam(row.UpdatedAtUtc), row.Version);

    private static DateTimeOffset ToVietnam(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(VietnamClock.Offset);
}
