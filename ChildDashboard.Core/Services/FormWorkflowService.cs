using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Core.Services;

// The workflow of a form (domain.md §5): Draft → Submitted (its data-entry staff, when no error
// rule fails and every warning has a comment) → Approved (a leader of its scope or a national one,
// or an admin); a submitted form goes back to Draft with a message for the whole form and/or
// questions on single values; an approved one is reopened by an approver. Every step is kept
// (FormEvent) and tells the other side (FormNotification).
public sealed class FormWorkflowService(
    IDbContextFactory<AppDbContext> factory, CatalogueCache catalogues, FormService forms, FormNotificationService notifications, TimeProvider time)
{
    public async Task<StepResult> SubmitAsync(UserAccess access, int unitId, Period quarter, CancellationToken ct = default)
    {
        // The checks read the form as it is; if a save slips in before the step commits, the
        // form's version has moved and the checks run again on what it saved.
        for (var attempt = 0; attempt < WriteRetry.MaxAttempts; attempt++)
        {
            var unit = await UnitAsync(unitId);
            if (unit is null || !access.CanEnterData(unit))
                return Forbidden(unit);
            if (!FormLayout.MustReport(unit, quarter))
                return new StepResult(StepOutcome.Invalid, FormStatus.Draft, NoForm(unit, quarter), []);
            var view = await forms.OpenAsync(access, unitId, quarter, ct);
            if (view.Status != FormStatus.Draft)
                return WrongStatus(view.Status);
            var blocking = FormChecks.Blocking(view);
            if (blocking.Count > 0)
            {
                return new StepResult(StepOutcome.Blocked, view.Status, Language.Pick(
                    "Chưa gửi được: sửa các lỗi và ghi chú lý do cho các cảnh báo.", "Not submitted: fix the errors and comment on the warnings."), blocking);
            }
            var result = await StepAsync(access, unit, quarter, FormAction.Submit, null, [], view.Form?.Version, ct);
            if (result is not null)
                return result;
        }
        return new StepResult(StepOutcome.Blocked, FormStatus.Draft, Language.Pick(
            "Biểu mẫu đang được sửa: hãy thử gửi lại.", "The form is being edited: try submitting again."), []);
    }

    public Task<StepResult> ApproveAsync(UserAccess access, int unitId, Period quarter, string? message = null, CancellationToken ct = default) =>
        ApproverStepAsync(access, unitId, quarter, FormAction.Approve, message, [], ct);

    // A message for the whole form, questions on single values, or both; at least one of them.
    public Task<StepResult> ReturnAsync(
        UserAccess access, int unitId, Period quarter, string? message, IReadOnlyList<ValueQuestion> questions, CancellationToken ct = default) =>
        ApproverStepAsync(access, unitId, quarter, FormAction.Return, message, questions, ct);

    public Task<StepResult> ReopenAsync(UserAccess access, int unitId, Period quarter, string message, CancellationToken ct = default) =>
        ApproverStepAsync(access, unitId, quarter, FormAction.Reopen, message, [], ct);

    private async Task<StepResult> ApproverStepAsync(
        UserAccess access, int unitId, Period quarter, FormAction action, string? message, IReadOnlyList<ValueQuestion> questions, CancellationToken ct)
    {
        var unit = await UnitAsync(unitId);
        if (unit is null || !access.CanApprove(unit))
            return Forbidden(unit);
        if (!FormLayout.MustReport(unit, quarter))
            return new StepResult(StepOutcome.Invalid, FormStatus.Draft, NoForm(unit, quarter), []);
        message = string.IsNullOrWhiteSpace(message) ? null : message.Trim();
        questions = questions.Where(q => !string.IsNullOrWhiteSpace(q.Text)).Select(q => q with { Text = q.Text.Trim() }).ToList();
        if (message is { Length: > ReportForm.MaxMessageLength } || questions.Any(q => q.Text.Length > Remark.MaxLength))
        {
            return new StepResult(StepOutcome.Invalid, FormStatus.Draft, Language.Pick(
                $"Lời nhắn tối đa {ReportForm.MaxMessageLength} ký tự.", $"A message takes at most {ReportForm.MaxMessageLength} characters."), []);
        }
        if (action == FormAction.Return && message is null && questions.Count == 0 || action == FormAction.Reopen && message is null)
        {
            return new StepResult(StepOutcome.Invalid, FormStatus.Draft, action == FormAction.Return
                ? Language.Pick("Hãy ghi lý do trả lại (cho cả biểu mẫu hoặc cho từng ô).", "Say why it is returned (for the whole form or for single values).")
                : Language.Pick("Hãy ghi lý do mở lại biểu mẫu.", "Say why the form is reopened."), []);
        }
        var catalogue = await catalogues.GetAsync();
        var cells = FormLayout.Cells(unit, quarter, catalogue.Elements, catalogue.OptionsOf);
        if (questions.Any(q => !cells.Any(c => c.Element.Id == q.ElementId && c.Option == q.Option)))
            return new StepResult(StepOutcome.Invalid, FormStatus.Draft, Language.Pick("Ô này không thuộc biểu mẫu.", "This cell is not part of the form."), []);
        for (var attempt = 0; attempt < WriteRetry.MaxAttempts; attempt++)
        {
            if (await StepAsync(access, unit, quarter, action, message, questions, null, ct) is { } result)
                return result;
        }
        throw new InvalidOperationException("The form kept changing during the step.");
    }

    // One step in one transaction. Null: the form changed since the checks (expectedVersion), run them again.
    private async Task<StepResult?> StepAsync(
        UserAccess access, OrgUnit unit, Period quarter, FormAction action, string? message, IReadOnlyList<ValueQuestion> questions,
        int? expectedVersion, CancellationToken ct)
    {
        var catalogue = await catalogues.GetAsync();
        var cells = FormLayout.Cells(unit, quarter, catalogue.Elements, catalogue.OptionsOf);
        var now = time.GetUtcNow().UtcDateTime;
        var outcome = await WriteRetry.RunAsync<StepResult?>(async token =>
        {
            await using var db = await factory.CreateDbContextAsync(token);
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var form = await db.ReportForms.SingleOrDefaultAsync(f => f.OrgUnitId == unit.Id && f.Period == quarter.Code, token);
            if (action == FormAction.Submit && form?.Version != expectedVersion)
                return null;
            var from = form?.Status ?? FormStatus.Draft;
            var (required, to) = action switch
            {
                FormAction.Submit => (FormStatus.Draft, FormStatus.Submitted),
                FormAction.Approve => (FormStatus.Submitted, FormStatus.Approved),
                FormAction.Return => (FormStatus.Submitted, FormStatus.Draft),
                _ => (FormStatus.Approved, FormStatus.Draft),
            };
            if (from != required)
                return WrongStatus(from);
            if (form is null)
            {
                form = new ReportForm { OrgUnitId = unit.Id, Period = quarter.Code };
                db.ReportForms.Add(form);
            }
            else
            {
                form.Version++;
            }
            form.Status = to;
            switch (action)
            {
                case FormAction.Submit:
                    form.SubmittedAtUtc = now;
                    form.SubmittedBy = access.UserName;
                    form.FirstSubmittedAtUtc ??= now;
                    form.ReturnReason = null;
                    await ResolveQuestionsAsync(db, unit, quarter, cells, now, token);
                    break;
                case FormAction.Approve:
                    form.ApprovedAtUtc = now;
                    form.ApprovedBy = access.UserName;
                    break;
                case FormAction.Return:
                    form.ReturnReason = message;
                    foreach (var question in questions)
                    {
                        var cell = cells.First(c => c.Element.Id == question.ElementId && c.Option == question.Option);
                        db.Remarks.Add(new Remark
                        {
                            Kind = CommentKind.Return, OrgUnitId = unit.Id, Period = cell.ValuePeriod.Code, DataElementId = cell.Element.Id,
                            OptionCode = cell.Option, Text = question.Text, Author = access.UserName, AtUtc = now,
                        });
                    }
                    break;
                default:
                    form.ApprovedAtUtc = null;
                    form.ApprovedBy = null;
                    form.ReturnReason = message;
                    break;
            }
            await db.SaveChangesAsync(token);
            db.FormEvents.Add(new FormEvent { ReportFormId = form.Id, Action = action, ByUser = access.UserName, AtUtc = now, Message = message });
            await FormNotificationService.AddAsync(db, catalogue, form, unit, action, access.UserName, message, now, token);
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            return new StepResult(StepOutcome.Done, to, null, []);
        }, ct);
        if (outcome is { Succeeded: true })
            notifications.Announce();
        return outcome;
    }

    // Questions on the values of this form are answered by submitting it again.
    private static async Task ResolveQuestionsAsync(AppDbContext db, OrgUnit unit, Period quarter, IReadOnlyList<FormCell> cells, DateTime now, CancellationToken ct)
    {
        var periods = cells.Select(c => c.ValuePeriod.Code).Distinct().ToList();
        var open = await db.Remarks.Where(r => r.Kind == CommentKind.Return && r.OrgUnitId == unit.Id && periods.Contains(r.Period) && r.ResolvedAtUtc == null)
            .ToListAsync(ct);
        foreach (var remark in open.Where(r => cells.Any(c => c.Element.Id == r.DataElementId && c.ValuePeriod.Code == r.Period)))
            remark.ResolvedAtUtc = now;
    }

    private async Task<OrgUnit?> UnitAsync(int unitId)
    {
        var catalogue = await catalogues.GetAsync();
        return catalogue.Units.TryGet(unitId, out var unit) ? unit : null;
    }

    private static StepResult Forbidden(OrgUnit? unit) => new(StepOutcome.Forbidden, FormStatus.Draft, Language.Pick(
        $"Bạn không có quyền thực hiện bước này cho {unit?.NameVi ?? "đơn vị này"}.", $"You may not take this step for {unit?.NameEn ?? "this unit"}."), []);

    private static StepResult WrongStatus(FormStatus status) => new(StepOutcome.WrongStatus, status, Language.Pick(
        $"Không thực hiện được khi biểu mẫu đang ở trạng thái {StatusName(status, true)}.", $"Not possible while the form is {StatusName(status, false)}."), []);

    private static string NoForm(OrgUnit unit, Period quarter) =>
        Language.Pick($"{unit.NameVi} không có biểu mẫu kỳ {quarter.Code}.", $"{unit.NameEn} has no form for {quarter.Code}.");

    public static string StatusName(FormStatus status, bool vietnamese) => status switch
    {
        FormStatus.Draft => vietnamese ? "Nháp" : "draft",
        FormStatus.Submitted => vietnamese ? "Đã gửi" : "submitted",
        _ => vietnamese ? "Đã duyệt" : "approved",
    };
}
