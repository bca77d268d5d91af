using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Tests.Core.Entry;

public abstract class FormServiceTests(DatabaseProvider provider) : EntryTestBase(provider)
{
    // 31 Quarterly elements, 10 of them by sex: 41 pairs; 14 Yearly ones, one by sex: 15 more.
    private const int QuarterlyPairs = 41;
    private const int YearlyPairs = 15;

    [SkippableTheory]
    [InlineData("01", "2026-01-01", "2026Q1", QuarterlyPairs)]
    [InlineData("01", "2026-01-01", "2026Q4", QuarterlyPairs + YearlyPairs)]
    // Yên Bái closed on 2025-06-30: its 2025 yearly values are in its 2025Q2 form.
    [InlineData("15", "2025-01-01", "2025Q2", QuarterlyPairs + YearlyPairs)]
    [InlineData("15", "2025-01-01", "2024Q4", QuarterlyPairs + YearlyPairs)]
    [InlineData("15", "2025-01-01", "2025Q1", QuarterlyPairs)]
    // The new Lào Cai opened on 2025-07-01: no yearly values for 2025, its own from 2026.
    [InlineData("15", "2025-07-01", "2025Q4", QuarterlyPairs)]
    [InlineData("15", "2025-07-01", "2026Q4", QuarterlyPairs + YearlyPairs)]
    // Hà Nội was not merged: one unit throughout.
    [InlineData("01", "2025-01-01", "2025Q4", QuarterlyPairs + YearlyPairs)]
    public async Task A_form_expects_the_quarterly_pairs_and_the_yearly_ones_only_where_they_are_held(string code, string openOn, string quarter, int pairs)
    {
        var unit = Unit(code, openOn);
        var view = await Forms().OpenAsync(User(Roles.Leader, "VN"), unit.Id, Period.Parse(quarter));

        Assert.Equal(pairs, view.Cells.Count);
        Assert.Equal(pairs == QuarterlyPairs + YearlyPairs, view.Cells.Values.Any(c => c.Cell.ValuePeriod.Type == PeriodType.Yearly));
        Assert.All(view.Cells.Values.Where(c => c.Cell.Element.Code == "POP_U16"), c => Assert.Contains(c.Cell.Option, new[] { "MALE", "FEMALE" }));
        Assert.Equal(view.Cells.Count, view.Groups.Sum(g => g.Elements.Sum(e => view.CellsOf(e).Count())));
    }

    [SkippableFact]
    public async Task A_province_that_was_not_open_has_no_form()
    {
        var yenBai = Unit("15", "2025-01-01");

        await Assert.ThrowsAsync<ArgumentException>(() => Forms().OpenAsync(User(Roles.Leader, "VN"), yenBai.Id, Period.Parse("2025Q3")));
        var saved = await Forms().SaveAsync(User(Roles.DataEntry, "VN"), new ValueSave(yenBai.Id, "2025Q3", Element("ABANDONED").Id, "default", null, 3, null));
        Assert.Equal(SaveOutcome.Invalid, saved.Outcome);
    }

    [SkippableFact]
    public async Task Saving_creates_updates_and_deletes_with_one_audit_row_each_and_a_change_set_after_the_commit()
    {
        var user = User(Roles.DataEntry);

        var created = await SaveAsync(user, "HEART_SURGERY", 7, "MALE", comment: "from the hospitals");
        var updated = await SaveAsync(user, "HEART_SURGERY", 9, "MALE");
        var unchanged = await SaveAsync(user, "HEART_SURGERY", 9, "MALE");
        var deleted = await SaveAsync(user, "HEART_SURGERY", null, "MALE");

        Assert.Equal([SaveOutcome.Saved, SaveOutcome.Saved, SaveOutcome.Unchanged, SaveOutcome.Saved],
            new[] { created, updated, unchanged, deleted }.Select(r => r.Outcome));
        await using var db = Database.CreateDbContext();
        var audits = await db.DataValueAudits.Include(a => a.Batch).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([AuditAction.Create, AuditAction.Update, AuditAction.Delete], audits.Select(a => a.Action));
        Assert.Equal([(null, 7), (7, 9), (9, (double?)null)], audits.Select(a => (a.OldValue, a.NewValue)));
        Assert.All(audits, a => Assert.Equal(("form", user.UserName), (a.Batch!.Reason, a.Batch.ChangedBy)));
        Assert.Equal("from the hospitals", audits[0].Comment);
        Assert.False(await db.DataValues.AnyAsync());
        var published = await PublishedAsync();
        Assert.Equal(3, published.Count);
        Assert.All(published, c => Assert.True(c.TouchesUnit(Unit("01").Id) && c.TouchesUnit(Unit("VN").Id) && c.TouchesPeriod(Quarter)));
        Assert.Null(await Store.ReadAsync(t => t.Get(Element("HEART_SURGERY").Id, Unit("01").Id, Quarter, "MALE")));
    }

    [SkippableFact]
    public async Task The_store_holds_a_saved_value_at_once()
    {
        await SaveAsync(User(Roles.DataEntry), "HEART_SURGERY", 7, "FEMALE");

        Assert.Equal(7, await Store.ReadAsync(t => t.Get(Element("HEART_SURGERY").Id, Unit("01").Id, Quarter, null)));
    }

    [SkippableFact]
    public async Task The_second_of_two_saves_against_the_same_version_is_refused_with_the_other_persons_value()
    {
        var first = User(Roles.DataEntry);
        var second = new UserAccess("other", [Roles.DataEntry], Unit("01"), Catalogue.Units);
        await SaveAsync(first, "ABANDONED", 4);
        var token = (await Forms().OpenAsync(first, Unit("01").Id, Quarter)).Cells[FormCellView.CellKey(Element("ABANDONED").Id, "default")].Current.Token;

        // Two servers (two services, two contexts) read version `token` and save.
        var mine = await Forms().SaveAsync(first, Cell("ABANDONED", 5, token));
        var theirs = await Forms().SaveAsync(second, Cell("ABANDONED", 6, token));

        Assert.Equal(SaveOutcome.Saved, mine.Outcome);
        Assert.Equal(SaveOutcome.Conflict, theirs.Outcome);
        Assert.Equal(5, theirs.Current.Value);
        Assert.Equal(first.UserName, theirs.Current.StoredBy);
        Assert.Contains(first.UserName, theirs.Message);
        // Keeping their own value: saved against the version they were shown.
        var kept = await Forms().SaveAsync(second, Cell("ABANDONED", 6, theirs.Current.Token));
        Assert.Equal(SaveOutcome.Saved, kept.Outcome);
        Assert.Equal(3, await AuditRowsAsync());
    }

    [SkippableFact]
    public async Task A_value_deleted_and_entered_again_does_not_match_a_token_of_the_old_row()
    {
        var user = User(Roles.DataEntry);
        await SaveAsync(user, "ABANDONED", 4);
        var old = (await Forms().OpenAsync(user, Unit("01").Id, Quarter)).Cells[FormCellView.CellKey(Element("ABANDONED").Id, "default")].Current.Token;
        await SaveAsync(user, "ABANDONED", null);
        await SaveAsync(user, "ABANDONED", 8);

        var stale = await Forms().SaveAsync(user, Cell("ABANDONED", 1, old));

        Assert.Equal(SaveOutcome.Conflict, stale.Outcome);
        Assert.Equal(8, stale.Current.Value);
    }

    [SkippableFact]
    public async Task Concurrent_saves_of_one_cell_lose_no_update()
    {
        var users = Enumerable.Range(0, 8).Select(i => new UserAccess($"user{i}", [Roles.DataEntry], Unit("01"), Catalogue.Units)).ToList();
        var forms = Forms();

        // Each keeps saving its own number, re-reading the version after a conflict, until it is saved.
        var saves = await Task.WhenAll(users.Select(async (user, i) =>
        {
            ValueToken? token = null;
            for (var attempt = 0; ; attempt++)
            {
                var result = await forms.SaveAsync(user, Cell("TRAFFICKED", i + 1, token));
                if (result.Outcome == SaveOutcome.Saved)
                    return attempt;
                Assert.Equal(SaveOutcome.Conflict, result.Outcome);
                token = result.Current.Token;
            }
        }));

        Assert.Equal(users.Count, await AuditRowsAsync());
        await using var db = Database.CreateDbContext();
        var audits = await db.DataValueAudits.OrderBy(a => a.Id).ToListAsync();
        // A chain: each change starts from the value the previous one left.
        Assert.Null(audits[0].OldValue);
        for (var i = 1; i < audits.Count; i++)
            Assert.Equal(audits[i - 1].NewValue, audits[i].OldValue);
        Assert.Equal(audits[^1].NewValue, (await db.DataValues.SingleAsync()).Value);
        Assert.True(saves.Sum() >= users.Count - 1);
    }

    [SkippableTheory]
    [InlineData(FormStatus.Submitted)]
    [InlineData(FormStatus.Approved)]
    public async Task Saves_into_a_submitted_or_approved_form_are_refused(FormStatus status)
    {
        await using (var db = Database.CreateDbContext())
        {
            db.ReportForms.Add(new ReportForm { OrgUnitId = Unit("01").Id, Period = Quarter.Code, Status = status });
            await db.SaveChangesAsync();
        }

        var result = await SaveAsync(User(Roles.DataEntry), "ABANDONED", 4);

        Assert.Equal(SaveOutcome.Locked, result.Outcome);
        Assert.Equal(0, await AuditRowsAsync());
    }

    [SkippableFact]
    public async Task Out_of_scope_units_and_readers_cannot_save()
    {
        var haiPhong = User(Roles.DataEntry, "31");
        var leader = User(Roles.Leader);

        Assert.Equal(SaveOutcome.Forbidden, (await Forms().SaveAsync(haiPhong, Cell("ABANDONED", 1))).Outcome);
        Assert.Equal(SaveOutcome.Forbidden, (await Forms().SaveAsync(leader, Cell("ABANDONED", 1))).Outcome);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Forms().OpenAsync(haiPhong, Unit("01").Id, Quarter));
        Assert.Equal(0, await AuditRowsAsync());
    }

    [SkippableTheory]
    [InlineData("ABANDONED", -1.0)]
    [InlineData("ABANDONED", 2.5)]
    [InlineData("ABANDONED", double.NaN)]
    [InlineData("ABANDONED", 1e15)]
    public async Task Bad_values_are_refused_with_a_message_and_nothing_changes(string element, double value)
    {
        var result = await Forms().SaveAsync(User(Roles.DataEntry), Cell(element, value));

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.False(string.IsNullOrEmpty(result.Message));
        Assert.Equal(0, await AuditRowsAsync());
    }

    [SkippableFact]
    public async Task A_yearly_value_is_saved_only_through_the_form_that_holds_it()
    {
        var user = User(Roles.DataEntry);

        var inQ3 = await Forms().SaveAsync(user, Cell("COMMUNES", 120));
        var inQ4 = await Forms().SaveAsync(user, Cell("COMMUNES", 120, quarter: Period.Parse("2026Q4")));

        Assert.Equal(SaveOutcome.Invalid, inQ3.Outcome);
        Assert.Equal(SaveOutcome.Saved, inQ4.Outcome);
        await using var db = Database.CreateDbContext();
        Assert.Equal("2026", (await db.DataValues.SingleAsync()).Period);
    }

    [SkippableFact]
    public async Task The_form_shows_the_previous_quarter_and_the_same_quarter_last_year()
    {
        var user = User(Roles.DataEntry);
        await SaveAsync(user, "ABANDONED", 3, quarter: Period.Parse("2026Q2"));
        await SaveAsync(user, "ABANDONED", 2, quarter: Period.Parse("2025Q3"));

        var cell = (await Forms().OpenAsync(user, Unit("01").Id, Quarter)).Cells[FormCellView.CellKey(Element("ABANDONED").Id, "default")];

        Assert.Equal((3, 2), (cell.Previous, cell.LastYear));
    }

    [SkippableFact]
    public async Task A_merged_province_compares_with_its_predecessors_sum()
    {
        var yenBai = Unit("15", "2025-01-01");
        var saved = await Forms().SaveAsync(User(Roles.DataEntry, "VN"), new ValueSave(yenBai.Id, "2025Q2", Element("ABANDONED").Id, "default", null, 3, null));
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        await using (var db = Database.CreateDbContext())
        {
            // The old Lào Cai (code 10) in 2025Q2, straight into the database and the store.
            var oldLaoCai = Catalogue.Units.FindOpen("10", new DateOnly(2025, 4, 1))!;
            db.DataValues.Add(new DataValue { DataElementId = Element("ABANDONED").Id, OrgUnitId = oldLaoCai.Id, Period = "2025Q2", Value = 4 });
            await db.SaveChangesAsync();
            Store.Apply([new ChildDashboard.Core.Analytics.StoredValue(Element("ABANDONED").Id, oldLaoCai.Id, Period.Parse("2025Q2"), "default", 4)]);
        }

        var view = await Forms().OpenAsync(User(Roles.Leader, "VN"), Unit("15", "2025-07-01").Id, Period.Parse("2025Q3"));

        Assert.Equal(7, view.Cells[FormCellView.CellKey(Element("ABANDONED").Id, "default")].Previous);
    }

    [SkippableFact]
    public async Task The_history_of_a_cell_lists_each_change_newest_first()
    {
        var user = User(Roles.DataEntry);
        await SaveAsync(user, "ABANDONED", 3, comment: "first count");
        await SaveAsync(user, "ABANDONED", 5, comment: "recounted");

        var history = await Forms().HistoryAsync(user, Unit("01").Id, Quarter.Code, Element("ABANDONED").Id, "default");

        Assert.Equal([(3.0, 5.0, "recounted"), (double.NaN, 3.0, "first count")], history.Select(h => (h.OldValue ?? double.NaN, h.NewValue ?? double.NaN, h.Comment)));
        Assert.Empty(await Forms().HistoryAsync(User(Roles.DataEntry, "31"), Unit("01").Id, Quarter.Code, Element("ABANDONED").Id, "default"));
    }
}

public sealed class FormServiceOnSqliteTests() : FormServiceTests(DatabaseProvider.Sqlite);

public sealed class FormServiceOnPostgresTests() : FormServiceTests(DatabaseProvider.PostgreSQL);
