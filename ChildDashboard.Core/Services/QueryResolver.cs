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
        return Find(codes, catalogue.IndicatorsByCode, code => Language.Pick($"Không có chỉ tiêu '{code}'.", $"Unknown indicator '{code}'."));
    }

    public List<DataElement> DataElements(IReadOnlyList<string> codes) =>
        Find(codes, catalogue.ElementsByCode, code => Language.Pick($"Không có chỉ số '{code}'.", $"Unknown data element '{code}'."));

    private List<T> Find<T>(IReadOnlyList<string> codes, IReadOnlyDictionary<string, T> byCode, Func<string, string> unknown)
    {
        var found = new List<T>();
        foreach (var code in codes.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (byCode.TryGetValue(code, out var item))
                found.Add(item);
            else
                Errors.Add(unknown(code));
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
