namespace ChildDashboard.Core.Domain;

// A province × quarter form moving Draft → Submitted → Approved (domain.md §5).
public class ReportForm
{
    public int Id { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public required string Period { get; set; }
    public FormStatus Status { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }
    public string? SubmittedBy { get; set; }
    // Timeliness counts the first submission: a form returned and submitted again stays on time.
    public DateTime? FirstSubmittedAtUtc { get; set; }
    public DateTime? ApprovedAtUtc { get; set; }
    public string? ApprovedBy { get; set; }
    public string? ReturnReason { get; set; }
    // Bumped by every workflow step and every value saved into the form, so that a save and a
    // step that race are told apart: the second one to commit is retried on what the first did.
    public int Version { get; set; }

    public DateTime? FirstSubmissionUtc => FirstSubmittedAtUtc ?? SubmittedAtUtc;

    public const int MaxMessageLength = 1000;

    // The quarter whose form holds a value of this period stored on `unit` (domain.md §5): the
    // quarter it ends in; a yearly value of a province that closed during the year belongs to the
    // form of the quarter it closed in (Yên Bái's 2025 values: its 2025Q2 form).
    public static Domain.Period PeriodFor(Domain.Period valuePeriod, OrgUnit unit)
    {
        var province = UnitFor(unit) ?? unit;
        var end = province.ClosedDate is { } closed && closed < valuePeriod.End && closed >= valuePeriod.Start ? closed : valuePeriod.End;
        return Domain.Period.ForQuarter(end.Year, (end.Month - 1) / 3 + 1);
    }

    // Forms belong to provinces; a commune's values are in its province's form.
    public static OrgUnit? UnitFor(OrgUnit unit)
    {
        for (var u = unit; u is not null; u = u.Parent)
        {
            if (u.Level == 2)
                return u;
        }
        return null;
    }
}
