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
    public DateTime? ApprovedAtUtc { get; set; }
    public string? ApprovedBy { get; set; }
    public string? ReturnReason { get; set; }
    public int Version { get; set; }

    // The quarter whose form holds a value of this period: the quarter it ends in (a yearly value
    // belongs to the Q4 form).
    public static Domain.Period PeriodFor(Domain.Period valuePeriod) =>
        Domain.Period.ForQuarter(valuePeriod.End.Year, (valuePeriod.End.Month - 1) / 3 + 1);

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
