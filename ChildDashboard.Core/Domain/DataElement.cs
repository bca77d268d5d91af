namespace ChildDashboard.Core.Domain;

public class DataElement
{
    public const string NoDisaggregation = "none";

    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameVi { get; set; }
    public required string NameEn { get; set; }
    public PeriodType PeriodType { get; set; } = PeriodType.Quarterly;
    public AggregationType AggregationType { get; set; }
    public ElementValueType ValueType { get; set; }
    public string Disaggregation { get; set; } = NoDisaggregation;
    public string? DescriptionVi { get; set; }
    public string? DescriptionEn { get; set; }

    // Retired on the catalogue page: hidden from forms, dashboards and checks for periods that start
    // on or after this day; earlier periods keep it.
    public DateOnly? RetiredFrom { get; set; }

    public bool IsActiveIn(Period period) => RetiredFrom is not { } retired || period.Start < retired;

    public bool IsDisaggregated => Disaggregation != NoDisaggregation;

    public string Name(bool vietnamese) => vietnamese ? NameVi : NameEn;
}
