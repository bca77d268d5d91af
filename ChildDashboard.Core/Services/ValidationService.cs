using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Services;

// The validation rules of one unit and period (domain.md §7), on what is stored with the pending
// changes laid over it: for the entry form before it saves or submits. Imports check the same
// rules inside their own transaction.
public sealed class ValidationService(CatalogueCache catalogues, ValueStore store)
{
    // Results of every rule that could be checked (both sides have a value), errors and warnings.
    public async Task<IReadOnlyList<ValidationResult>> CheckAsync(
        OrgUnit unit, Period period, IReadOnlyDictionary<string, double?>? pending = null, CancellationToken ct = default)
    {
        var catalogue = await catalogues.GetAsync();
        var stored = await store.ReadAsync(values => catalogue.ValidationRules
            .SelectMany(r => r.LeftCodes.Concat(r.RightCodes))
            .Distinct()
            .Where(catalogue.ElementsByCode.ContainsKey)
            .ToDictionary(code => code, code => values.Get(catalogue.ElementsByCode[code].Id, unit.Id, period, null)), ct);
        double? Total(string code) =>
            pending is not null && pending.TryGetValue(code, out var changed) ? changed : stored.GetValueOrDefault(code);

        return catalogue.ValidationRules
            .Where(rule => rule.IsActiveIn(period))
            .Select(rule => rule.Check(Total))
            .OfType<ValidationResult>()
            .ToList();
    }
}
