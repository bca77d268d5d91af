namespace ChildDashboard.Core.Domain;

public class Programme
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameVi { get; set; }
    public required string NameEn { get; set; }
    public required string Decision { get; set; }
    public int StartYear { get; set; }
    public int? EndYear { get; set; }

    // Retired on the catalogue page: hidden from forms, dashboards and checks for periods that start
    // on or after this day; earlier periods keep it.
    public DateOnly? RetiredFrom { get; set; }

    public bool IsActiveIn(Period period) => RetiredFrom is not { } retired || period.Start < retired;
    public List<Indicator> Indicators { get; set; } = [];

    public string Name(bool vietnamese) => vietnamese ? NameVi : NameEn;
}
