using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Services;

// Turns the codes of a question (analytics, export) into catalogue objects within the caller's
// scope, collecting a message in the user's language for every code that does not resolve.
public sealed class QueryResolver(Catalogue catalogue, DateOnly today, OrgUnit? scope)
{
    public List<string> Errors { get; } = [];

    public bool IsValid => Errors.Count == 0;

    // Every error is a unit outside the caller's scope: the question is well formed but not
    // theirs to ask (HTTP 403, not 400).
    public bool IsOutOfScopeOnly => Errors.Count > 0 && Errors.Count == _outOfScope;

    private int _outOfScope;

    public List<Indicator> Indicators(IReadOnlyList<string> codes)
    {
        if (codes.Count == 0)
            Errors.Add(Language.Pick("Cần nêu ít nhất một chỉ tiêu (hoặc ALL).", "Name at least one indicator (or ALL)."));
        if (codes.Any(c => c.Equals(AnalyticsService.AllIndicators, StringComparison.OrdinalIgnoreCase)))
            return catalogue.Indicators.ToList();
        var found = new List<Indicator>();
        foreach (var code in codes.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (catalogue.IndicatorsByCode.TryGetValue(code, out var indicator))
                found.Add(indicator);
            else
                Errors.Add(Language.Pick($"Không có chỉ tiêu '{code}'.", $"Unknown indicator '{code}'."));
        }
        return found;
    }

    public List<DataElement> DataElements(IReadOnlyList<string> codes)
    {
        var found = new List<DataElement>();
        foreach (var code in codes.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (catalogue.ElementsByCode.TryGetValue(code, out var element))
                found.Add(element);
            else
                Errors.Add(Language.Pick($"Không có chỉ số '{code}'.", $"Unknown data element '{code}'."));
        }
        return found;
    }

    // Each unit with the text it was asked by (answers echo it).
    public List<(string Asked, OrgUnit Unit)> Units(IReadOnlyList<string> references)
    {
        if (references.Count == 0)
            Errors.Add(Language.Pick("Cần nêu ít nhất một đơn vị (orgUnit).", "Name at least one orgUnit."));
        var found = new List<(string, OrgUnit)>();
        foreach (var text in references.Distinct(StringComparer.Ordinal))
        {
            if (!OrgUnitReference.TryParse(text, out var reference, out var error))
            {
                Errors.Add(error);
                continue;
            }
            var unit = catalogue.Units.Find(reference, today);
            if (unit is null)
            {
                Errors.Add(reference.Date is { } date
                    ? Language.Pick($"Không có đơn vị mã '{reference.Code}' hoạt động vào ngày {date:dd/MM/yyyy}.",
                        $"No unit with code '{reference.Code}' was open on {date:yyyy-MM-dd}.")
                    : Language.Pick($"Không có đơn vị mã '{reference.Code}'.", $"Unknown unit code '{reference.Code}'."));
                continue;
            }
            if (scope is not null && !catalogue.Units.IsWithin(unit, scope))
            {
                Errors.Add(Language.Pick($"Đơn vị '{text}' nằm ngoài phạm vi của bạn ({scope.Code}).",
                    $"Unit '{text}' is outside your scope ({scope.Code})."));
                _outOfScope++;
                continue;
            }
            found.Add((text, unit));
        }
        return found;
    }

    public List<Period> Periods(IReadOnlyList<string> codes)
    {
        if (codes.Count == 0)
            Errors.Add(Language.Pick("Cần nêu ít nhất một kỳ (period).", "Name at least one period."));
        var found = new List<Period>();
        foreach (var code in codes.Distinct(StringComparer.Ordinal))
        {
            if (Period.TryParse(code, out var period, out var error))
                found.Add(period);
            else
                Errors.Add(error);
        }
        return found;
    }
}
