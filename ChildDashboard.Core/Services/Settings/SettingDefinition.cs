using System.Reflection;
using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Exchange;

namespace ChildDashboard.Core.Services.Settings;

// A setting that the settings page may change: its key (the configuration's, `Status:OnTrackMargin`),
// the options class and property it sets, and how it reads (a fraction shown as a percentage, a
// whole number, a size in bytes shown in MB).
public sealed record SettingDefinition(string Key, Type Options, PropertyInfo Property, SettingKind Kind)
{
    public static readonly IReadOnlyList<SettingDefinition> All =
    [
        Of<ReportingOptions>(nameof(ReportingOptions.QuarterDeadlineDays), SettingKind.Days),
        Of<ReportingOptions>(nameof(ReportingOptions.SixMonthReportMonth), SettingKind.Month),
        Of<ReportingOptions>(nameof(ReportingOptions.SixMonthReportDay), SettingKind.DayOfMonth),
        Of<ReportingOptions>(nameof(ReportingOptions.AnnualReportMonth), SettingKind.Month),
        Of<ReportingOptions>(nameof(ReportingOptions.AnnualReportDay), SettingKind.DayOfMonth),
        Of<StatusOptions>(nameof(StatusOptions.OnTrackMargin), SettingKind.Fraction),
        Of<StatusOptions>(nameof(StatusOptions.AtRiskMargin), SettingKind.Fraction),
        Of<StatusOptions>(nameof(StatusOptions.NoBaselineAtRisk), SettingKind.Fraction),
        Of<ImportOptions>(nameof(ImportOptions.MaxFileBytes), SettingKind.Bytes),
        Of<ImportOptions>(nameof(ImportOptions.MaxUncompressedBytes), SettingKind.Bytes),
        Of<ImportOptions>(nameof(ImportOptions.MaxCount), SettingKind.Count),
        Of<ImportOptions>(nameof(ImportOptions.MaxMoney), SettingKind.Money),
        Of<ImportOptions>(nameof(ImportOptions.OpenFutureYears), SettingKind.Years),
    ];

    // The configuration section: Reporting, Status or Import.
    public string Section => Key[..Key.IndexOf(':')];

    public double Read(object options) => Convert.ToDouble(Property.GetValue(options), System.Globalization.CultureInfo.InvariantCulture);

    public void Write(object options, double value) =>
        Property.SetValue(options, Property.PropertyType == typeof(double) ? value
            : Property.PropertyType == typeof(long) ? (object)(long)value : (int)value);

    // Whole-number settings take whole numbers only; every value must be finite and fit its property.
    public bool Accepts(double value) => double.IsFinite(value)
        && (Property.PropertyType == typeof(double)
            || (value == Math.Floor(value) && (Property.PropertyType == typeof(long)
                ? Math.Abs(value) <= ImportOptionsValidator.ExactCeiling
                : value is >= int.MinValue and <= int.MaxValue)));

    private static SettingDefinition Of<T>(string property, SettingKind kind)
    {
        var section = typeof(T).Name.Replace("Options", "", StringComparison.Ordinal);
        return new($"{section}:{property}", typeof(T), typeof(T).GetProperty(property) ?? throw new InvalidOperationException(property), kind);
    }
}

public enum SettingKind
{
    Days,
    Month,
    DayOfMonth,
    Fraction,
    Bytes,
    Count,
    Money,
    Years,
}
