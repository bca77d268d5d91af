using System.Globalization;
using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Services;

// How a target reads in the administrators' log: "HRT01 · 01 Hà Nội · 2030" and
// "2020: 98.5 → 2030: 100 · QĐ 23" (numbers with a point: the log is read in both languages).
public static class TargetText
{
    public static string Subject(Indicator indicator, OrgUnit unit, int targetYear) =>
        $"{indicator.Code} · {AdminAuditLog.Describe(unit)} · {targetYear}";

    public static string Describe(int? baselineYear, double? baselineValue, int targetYear, double targetValue, string? source)
    {
        var baseline = baselineYear is { } year && baselineValue is { } value ? $"{year}: {Number(value)} → " : "";
        return $"{baseline}{targetYear}: {Number(targetValue)}" + (string.IsNullOrEmpty(source) ? "" : $" · {source}");
    }

    public static string Describe(Target target) =>
        Describe(target.BaselineYear, target.BaselineValue, target.TargetYear, target.TargetValue, target.Source);

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
