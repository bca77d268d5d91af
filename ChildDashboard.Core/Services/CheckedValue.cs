using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Services;

// A row that passed the checks of its own: known element, period, unit and option; a valid value.
public sealed record CheckedValue(
    int Row, DataElement Element, OrgUnit Unit, Period Period, string Option,
    double? Value, string? Comment, string? StoredBy, bool Deleted)
{
    // Formatted once: imports use it as a key many times a row.
    public string PeriodCode { get; } = Period.Code;

    public DataValueKey Key => new(Element.Id, Unit.Id, PeriodCode, Option);
}
