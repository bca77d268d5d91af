namespace ChildDashboard.Core.Domain;

public enum PeriodType
{
    Monthly,
    Quarterly,
    SixMonthly,
    Yearly,
}
