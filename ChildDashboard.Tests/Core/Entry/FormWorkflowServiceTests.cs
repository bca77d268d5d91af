using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChildDashboard.Tests.Core.Entry;

public abstract class FormWorkflowServiceTests(DatabaseProvider provider) : EntryTestBase(provider)
{
    // Who may take each step on Hà Nội's form (01); 31 is Hải Phòng.
    public static TheoryData<FormAction, string, string, bool> Actors()
    {
        var data = new TheoryData<FormAction, string, string, bool>();
        (string Role, string Scope)[] actors =
            [(Roles.DataEntry, "01"), (Roles.DataEntry, "VN"), (Roles.DataEntry, "31"), (Roles.Leader, "01"), (Roles.Leader, "VN"),
             (Roles.Leader, "31"), (Roles.Analyst, "VN"), (Roles.Admin, "VN"), (Roles.Admin, "31")];
        foreach (var action in Enum.GetValues<FormAction>())
        {
            foreach (var (role, scope) in actors)
            {
                var inScope = scope is "01" or "VN";
                var allowed = inScope && (action == FormAction.Submit ? role is Roles.DataEntry or Roles.Admin : role is Roles.Leader or Roles.Admin);
                data.Add(action, role, scope, allowed);
            }
        }
        return data;
    }

    private static FormStatus From(FormAction action) => action switch
    {
        FormAction.Submit => FormStatus.Draft,
        FormAction.Approve or FormAction.Return => FormStatus.Submitted,
        _ => FormStatus.Approved,
    };

    private static FormStatus To(FormAction action) => action switch
    {
        FormAction.Submit => FormStatus.Submitted,
        FormAction.Approve => FormStatus.Approved,
        _ => FormStatus.Draft,
    };

    private async Task SetStatusAsync(FormStatus status, string unit = "01")
    {
        await using var db = Database.CreateDbContext();
        var form = await db.ReportForms.SingleOrDefaultAsync(f => f.OrgUnitId == Unit(unit).Id && f.Period == Quarter.Code);
        if (form is null)
            db.ReportForms.Add(new ReportForm { OrgUnitId = Unit(unit).Id, Period = Quarter.Code, Status = status });
        else
            form.Status = status;
        await db.SaveChangesAsync();
    }

    private Task<StepResult> StepAsync(FormAction action, UserAccess user, FormWorkflowService? workflow = null)
    {
        workflow ??= Workflow();
        var unit = Unit("01").Id;
        return action switch
        {
            FormAction.Submit => workflow.SubmitAsync(user, unit, Quarter),
            FormAction.Approve => workflow.ApproveAsync(user, unit, Quarter),
            FormAction.Return => workflow.ReturnAsync(user, unit, Quarter, "Please check the totals.", []),
            _ => workflow.ReopenAsync(user, unit, Quarter, "A correction from the hospital."),
        };
    }

    private async Task<FormStatus?> StatusAsync()
    {
        await using var db = Database.CreateDbContext();
        return (await db.ReportForms.SingleOrDefaultAsync(f => f.OrgUnitId == Unit("01").Id && f.Period == Quarter.Code))?.Status;
    }

    [SkippableTheory]
    [MemberData(nameof(Actors))]
    public async Task Each_step_is_allowed_to_its_roles_within_scope_and_refused_to_everyone_else(FormAction action, string role, string scope, bool allowed)
    {
        await SetStatusAsync(From(action));

        var result = await StepAsync(action, User(role, scope));

        Assert.Equal(allowed ? StepOutcome.Done : StepOutcome.Forbidden, result.Outcome);
        Assert.Equal(allowed ? To(action) : From(action), await StatusAsync());
        await using var db = Database.CreateDbContext();
        Assert.Equal(allowed ? 1 : 0, await db.FormEvents.CountAsync());
    }

    [SkippableTheory]
    [InlineData(FormAction.Submit, FormStatus.Submitted)]
    [InlineData(FormAction.Submit, FormStatus.Approved)]
    [InlineData(FormAction.Approve, FormStatus.Draft)]
    [InlineData(FormAction.Approve, FormStatus.Approved)]
    [InlineData(FormAction.Return, FormStatus.Draft)]
    [InlineData(FormAction.Return, FormStatus.Approved)]
    [InlineData(FormAction.Reopen, FormStatus.Draft)]
    [InlineData(FormAction.Reopen, FormStatus.Submitted)]
    public async Task A_step_from_the_wrong_status_is_refused(FormAction action, FormStatus status)
    {
        await SetStatusAsync(status);

        var result = await StepAsync(action, User(Roles.Admin, "VN"));

        Assert.Equal(StepOutcome.WrongStatus, result.Outcome);
        Assert.Equal(status, await StatusAsync());
    }

    [SkippableFact]
    public async Task Approving_a_form_that_was_never_started_is_refused()
    {
        var result = await StepAsync(FormAction.Approve, User(Roles.Leader, "VN"));

        Assert.Equal(StepOutcome.WrongStatus, result.Outcome);
        Assert.Null(await StatusAsync());
    }

    [SkippableFact]
    public async Task An_error_rule_blocks_submitting_and_a_warning_needs_a_comment()
    {
        var user = User(Roles.DataEntry);
        await SaveAsync(user, "ABUSE_CHILDREN", 3, "MALE");
        await SaveAsync(user, "ABUSE_SUPPORTED", 5);

        var blocked = await Workflow().SubmitAsync(user, Unit("01").Id, Quarter);
        Assert.Equal(StepOutcome.Blocked, blocked.Outcome);
        Assert.Contains(blocked.Blocking, m => m.Code == "VR03" && m.Severity == ValidationSeverity.Error);

        await SaveAsync(user, "ABUSE_SUPPORTED", 2);
        await SaveAsync(user, "INJ_CASES", 1, "MALE");
        await SaveAsync(user, "INJ_DEATHS", 2, "MALE");
        var warned = await Workflow().SubmitAsync(user, Unit("01").Id, Quarter);
        Assert.Equal(StepOutcome.Blocked, warned.Outcome);
        Assert.Equal("VR08", Assert.Single(warned.Blocking).Code);

        await SaveAsync(user, "INJ_DEATHS", 2, "MALE", comment: "Two deaths from one accident reported late by the hospital.");
        Assert.Equal(StepOutcome.Done, (await Workflow().SubmitAsync(user, Unit("01").Id, Quarter)).Outcome);
    }

    [SkippableFact]
    public async Task A_returned_value_shows_its_question_until_the_form_is_submitted_again_and_then_approved_it_is_locked()
    {
        var clerk = User(Roles.DataEntry);
        var leader = User(Roles.Leader);
        await SaveAsync(clerk, "ABANDONED", 40);
        await Workflow().SubmitAsync(clerk, Unit("01").Id, Quarter);

        var returned = await Workflow().ReturnAsync(leader, Unit("01").Id, Quarter, null,
            [new ValueQuestion(Element("ABANDONED").Id, "default", "40 is ten times last quarter: please check.")]);
        Assert.Equal(StepOutcome.Done, returned.Outcome);
        var view = await Forms().OpenAsync(clerk, Unit("01").Id, Quarter);
        Assert.Equal(FormStatus.Draft, view.Status);
        var question = Assert.Single(view.Remarks, r => r.Kind == CommentKind.Return && r.ResolvedAtUtc is null);
        Assert.Equal((Element("ABANDONED").Id, leader.UserName), (question.DataElementId, question.Author));

        Assert.Equal(SaveOutcome.Saved, (await SaveAsync(clerk, "ABANDONED", 4)).Outcome);
        Assert.Equal(StepOutcome.Done, (await Workflow().SubmitAsync(clerk, Unit("01").Id, Quarter)).Outcome);
        Assert.All((await Forms().OpenAsync(clerk, Unit("01").Id, Quarter)).Remarks, r => Assert.NotNull(r.ResolvedAtUtc));
        Assert.Equal(StepOutcome.Done, (await Workflow().ApproveAsync(leader, Unit("01").Id, Quarter)).Outcome);

        Assert.Equal(SaveOutcome.Locked, (await SaveAsync(clerk, "ABANDONED", 5)).Outcome);
        // Imports are refused too.
        var import = new DataValueImportService(Database.Writer(), new CatalogueCache(Database), Store, Notifier, Database.Time, NullLogger<DataValueImportService>.Instance);
        var report = await import.ImportAsync([new DataValueRow(1, "ABANDONED", Quarter.Code, "01", null, "5")], new ImportContext("analyst", null, false));
        Assert.NotEmpty(report.Conflicts);
        await using var db = Database.CreateDbContext();
        Assert.Equal([FormAction.Submit, FormAction.Return, FormAction.Submit, FormAction.Approve],
            await db.FormEvents.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.NotNull((await db.ReportForms.SingleAsync()).FirstSubmittedAtUtc);
    }

    [SkippableFact]
    public async Task Returning_needs_a_message_and_reopening_is_kept_with_its_reason()
    {
        await SetStatusAsync(FormStatus.Submitted);
        var leader = User(Roles.Leader, "VN");

        Assert.Equal(StepOutcome.Invalid, (await Workflow().ReturnAsync(leader, Unit("01").Id, Quarter, "  ", [])).Outcome);
        Assert.Equal(StepOutcome.Done, (await Workflow().ApproveAsync(leader, Unit("01").Id, Quarter)).Outcome);
        Assert.Equal(StepOutcome.Invalid, (await Workflow().ReopenAsync(leader, Unit("01").Id, Quarter, "")).Outcome);
        Assert.Equal(StepOutcome.Done, (await Workflow().ReopenAsync(leader, Unit("01").Id, Quarter, "Hospital corrected Q3.")).Outcome);

        await using var db = Database.CreateDbContext();
        var reopen = await db.FormEvents.OrderBy(e => e.Id).LastAsync();
        Assert.Equal((FormAction.Reopen, leader.UserName, "Hospital corrected Q3."), (reopen.Action, reopen.ByUser, reopen.Message));
        Assert.Equal(FormStatus.Draft, await StatusAsync());
    }

    [SkippableFact]
    public async Task Each_step_tells_the_other_side()
    {
        await AddUserAsync("nhaplieu.hanoi", Roles.DataEntry, "01");
        await AddUserAsync("lanhdao.hanoi", Roles.Leader, "01");
        await AddUserAsync("lanhdao", Roles.Leader, "VN");
        await AddUserAsync("lanhdao.haiphong", Roles.Leader, "31");
        var notifications = new FormNotificationService(Database);
        var announced = 0;
        notifications.Changed += () => announced++;
        var clerk = new UserAccess("nhaplieu.hanoi", [Roles.DataEntry], Unit("01"), Catalogue.Units);
        var leader = new UserAccess("lanhdao.hanoi", [Roles.Leader], Unit("01"), Catalogue.Units);

        await Workflow(notifications).SubmitAsync(clerk, Unit("01").Id, Quarter);
        await Workflow(notifications).ReturnAsync(leader, Unit("01").Id, Quarter, "Check the totals.", []);

        Assert.Equal(1, await notifications.UnreadCountAsync("lanhdao"));
        Assert.Equal(1, await notifications.UnreadCountAsync("lanhdao.hanoi"));
        Assert.Equal(0, await notifications.UnreadCountAsync("lanhdao.haiphong"));
        var notice = Assert.Single(await notifications.LatestAsync("nhaplieu.hanoi"));
        Assert.Equal((FormAction.Return, "lanhdao.hanoi", "Check the totals."), (notice.Action, notice.FromUser, notice.Message));
        await notifications.MarkAllReadAsync("nhaplieu.hanoi", DateTime.UtcNow);
        Assert.Equal(0, await notifications.UnreadCountAsync("nhaplieu.hanoi"));
        Assert.Equal(3, announced);
    }

    // Random sequences of form saves, imports and workflow steps: the audit holds exactly one row
    // per change of a stored value, and what the audit's last new values say is what is stored.
    [SkippableFact]
    public async Task Audit_rows_equal_changes_over_random_saves_imports_and_steps()
    {
        var random = new Random(20261202);
        var clerk = User(Roles.DataEntry);
        var leader = User(Roles.Leader);
        var import = new DataValueImportService(Database.Writer(), new CatalogueCache(Database), Store, Notifier, Database.Time, NullLogger<DataValueImportService>.Instance);
        string[] elements = ["ABANDONED", "TRAFFICKED", "CHILD_MARRIAGES", "FORUMS"];
        var changes = 0;
        for (var step = 0; step < 60; step++)
        {
            var element = elements[random.Next(elements.Length)];
            double? value = random.Next(4) == 0 ? null : random.Next(0, 4);
            switch (random.Next(6))
            {
                case 0:
                    await Workflow().SubmitAsync(clerk, Unit("01").Id, Quarter);
                    break;
                case 1:
                    if (random.Next(2) == 0)
                        await Workflow().ReturnAsync(leader, Unit("01").Id, Quarter, "again", []);
                    else
                        await Workflow().ApproveAsync(leader, Unit("01").Id, Quarter);
                    break;
                case 2:
                    await Workflow().ReopenAsync(leader, Unit("01").Id, Quarter, "again");
                    break;
                case 3:
                    var report = await import.ImportAsync(
                        [new DataValueRow(1, element, Quarter.Code, "01", null, value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", Deleted: value is null ? "true" : null)],
                        new ImportContext("analyst", null, false));
                    if (report.Conflicts.Count == 0)
                        changes += report.ImportCount.Imported + report.ImportCount.Updated + report.ImportCount.Deleted;
                    break;
                default:
                    var saved = await SaveAsync(clerk, element, value);
                    if (saved.Outcome == SaveOutcome.Saved)
                        changes++;
                    break;
            }
            if (await AuditRowsAsync() != changes)
                Assert.Fail($"After step {step}: {await AuditRowsAsync()} audit rows for {changes} changes.");
        }

        await using var db = Database.CreateDbContext();
        var last = (await db.DataValueAudits.ToListAsync()).GroupBy(a => a.DataElementId).Select(g => g.MaxBy(a => a.Id)!)
            .Where(a => a.NewValue is not null).ToDictionary(a => a.DataElementId, a => a.NewValue!.Value);
        var stored = await db.DataValues.ToDictionaryAsync(v => v.DataElementId, v => v.Value);
        Assert.Equal(last.OrderBy(p => p.Key), stored.OrderBy(p => p.Key));
        Assert.True(changes > 10, $"Only {changes} changes: the sequence tests too little.");
    }
}

public sealed class FormWorkflowServiceOnSqliteTests() : FormWorkflowServiceTests(DatabaseProvider.Sqlite);

public sealed class FormWorkflowServiceOnPostgresTests() : FormWorkflowServiceTests(DatabaseProvider.PostgreSQL);
