namespace ChildDashboard.Core.Domain;

// A rule between data elements of the same unit and period: `left operator right` (domain.md §7).
public class ValidationRule
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Left { get; set; }
    public required string Operator { get; set; }
    public required string Right { get; set; }
    public ValidationSeverity Severity { get; set; }
    public required string MessageEn { get; set; }
    public string? MessageVi { get; set; }

    // Retired on the catalogue page: hidden from forms, dashboards and checks for periods that start
    // on or after this day; earlier periods keep it.
    public DateOnly? RetiredFrom { get; set; }

    public bool IsActiveIn(Period period) => RetiredFrom is not { } retired || period.Start < retired;

    private string[]? _leftCodes;
    private string[]? _rightCodes;

    public IReadOnlyList<string> LeftCodes => _leftCodes ??= Left.Split('+', StringSplitOptions.TrimEntries);
    public IReadOnlyList<string> RightCodes => _rightCodes ??= Right.Split('+', StringSplitOptions.TrimEntries);

    // Compares the two sides from the totals of one unit and period. As in DHIS2's default
    // (skip if all values are missing), a side with no value at all means the rule is not checked.
    public ValidationResult? Check(Func<string, double?> total)
    {
        var left = Sum(LeftCodes, total);
        var right = Sum(RightCodes, total);
        if (left is not { } l || right is not { } r)
            return null;
        var holds = Operator switch
        {
            "<=" => l <= r,
            "<" => l < r,
            ">=" => l >= r,
            ">" => l > r,
            "==" => l == r,
            "!=" => l != r,
            _ => throw new InvalidOperationException($"Validation rule {Code} has the unknown operator '{Operator}'."),
        };
        return new ValidationResult(this, l, r, holds);
    }

    public string Message(bool vietnamese) => vietnamese && MessageVi is { } vi ? vi : MessageEn;

    private static double? Sum(IReadOnlyList<string> codes, Func<string, double?> total)
    {
        double? sum = null;
        foreach (var code in codes)
        {
            if (total(code) is { } value)
                sum = (sum ?? 0) + value;
        }
        return sum;
    }
}
