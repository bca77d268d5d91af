namespace ChildDashboard.Core.Domain;

public class Indicator
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public int ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
    public required string NameVi { get; set; }
    public required string NameEn { get; set; }
    // An expression: a data element code, a sum `A+B`, an option `CODE.MALE`, or `1`.
    public required string Numerator { get; set; }
    public required string Denominator { get; set; }
    public double Factor { get; set; } = 1;
    public Direction Direction { get; set; }
    public required string UnitVi { get; set; }
    public required string UnitEn { get; set; }
    public int Decimals { get; set; }
    public bool Annualized { get; set; }

    // Retired on the catalogue page: hidden from forms, dashboards and checks for periods that start
    // on or after this day; earlier periods keep it.
    public DateOnly? RetiredFrom { get; set; }

    public bool IsActiveIn(Period period) => RetiredFrom is not { } retired || period.Start < retired;

    public string Name(bool vietnamese) => vietnamese ? NameVi : NameEn;
    public string UnitLabel(bool vietnamese) => vietnamese ? UnitVi : UnitEn;

    public IEnumerable<string> ElementCodes() =>
        Expression.Parse(Numerator).ElementCodes.Concat(Expression.Parse(Denominator).ElementCodes).Distinct();
}
