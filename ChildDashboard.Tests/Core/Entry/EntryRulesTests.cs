using System.Globalization;
using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Services;

namespace ChildDashboard.Tests.Core.Entry;

// The pure rules of entry: numbers as typed, the unusual-value test, the ministry's calendar.
public class EntryRulesTests
{
    private static readonly DataElement Count = new() { Code = "C", NameVi = "C", NameEn = "C", ValueType = ElementValueType.Count };
    private static readonly DataElement Money = new() { Code = "M", NameVi = "M", NameEn = "M", ValueType = ElementValueType.Money };

    [Theory]
    [InlineData("1.234", true, false, 1234.0)]
    [InlineData("1.234", false, false, 1234.0)]
    [InlineData("1.234.567", true, false, 1234567.0)]
    [InlineData("1.234,5", true, true, 1234.5)]
    [InlineData("1234,5", true, true, 1234.5)]
    [InlineData("1,234.5", false, true, 1234.5)]
    [InlineData("1234.5", true, true, 1234.5)]
    [InlineData("1.5", true, true, 1.5)]
    [InlineData(" 12 345 ", true, false, 12345.0)]
    [InlineData("0", true, false, 0.0)]
    public void Numbers_are_read_as_typed_in_Vietnamese_or_plain(string text, bool vietnamese, bool money, double expected)
    {
        Assert.True(EntryNumber.TryParse(text, money ? Money : Count, vietnamese, out var value, out var error), error);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("-3", "negative")]
    [InlineData("abc", "not a number")]
    [InlineData("1,5", "whole number")]
    [InlineData("1.5", "whole number")]
    [InlineData("1..2", "not a number")]
    public void Bad_numbers_get_a_message(string text, string message)
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en-US");

        Assert.False(EntryNumber.TryParse(text, Count, true, out _, out var error));
        Assert.Contains(message, error);
    }

    [Fact]
    public void An_empty_cell_is_no_value()
    {
        Assert.True(EntryNumber.TryParse("  ", Count, true, out var value, out _));
        Assert.Null(value);
    }

    [Theory]
    [InlineData(new[] { 1.0, 3, 2 }, 2.0)]
    [InlineData(new[] { 4.0, 1, 3, 2 }, 2.5)]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two(double[] values, double median) =>
        Assert.Equal(median, OutlierTest.Median(values));

    [Fact]
    public void A_value_far_from_the_units_own_history_is_unusual_and_a_near_one_is_not()
    {
        double[] history = [10, 12, 11, 13, 12, 11, 9, 12];

        Assert.True(OutlierTest.IsOutlier(40, history));
        Assert.False(OutlierTest.IsOutlier(14, history));
        // Median 11.5; deviations 0.5 ×5, 1.5 ×2, 2.5: MAD 0.5, so 14 scores 0.6745 × 2.5 ÷ 0.5 = 3.37.
        Assert.Equal(0.6745 * 2.5 / 0.5, OutlierTest.Score(14, history)!.Value, 9);
    }

    [Fact]
    public void A_skewed_history_with_one_big_quarter_raises_no_false_alarm()
    {
        // Counts that jump now and then (a campaign quarter): the usual level is still normal.
        double[] history = [2, 3, 2, 40, 3, 2, 4, 3];

        Assert.False(OutlierTest.IsOutlier(4, history));
        Assert.True(OutlierTest.IsOutlier(60, history));
    }

    [Fact]
    public void Too_little_or_constant_history_says_nothing()
    {
        Assert.Null(OutlierTest.Score(100, [1, 2, 3]));
        Assert.Null(OutlierTest.Score(100, [5, 5, 5, 5]));
        // Mostly constant with one other value: the mean deviation still measures it.
        Assert.True(OutlierTest.IsOutlier(30, [5, 5, 5, 5, 6]));
    }

    [Fact]
    public void The_ministrys_reports_cover_the_half_year_and_the_year_with_the_quarters_due_before_them()
    {
        var service = new CompletenessService(null!, null!, null!, TimeProvider.System);

        var reports = service.MinistryReports(2026);

        var six = reports.Single(r => !r.Annual);
        var annual = reports.Single(r => r.Annual);
        Assert.Equal((new DateOnly(2026, 5, 25), "2026S1"), (six.Deadline, six.Covers.Code));
        Assert.Equal(["2026Q1"], six.QuartersDue.Select(q => q.Code));
        Assert.Equal(["2026Q2"], six.QuartersEstimated.Select(q => q.Code));
        Assert.Equal((new DateOnly(2026, 11, 20), "2026"), (annual.Deadline, annual.Covers.Code));
        Assert.Equal(["2026Q1", "2026Q2", "2026Q3"], annual.QuartersDue.Select(q => q.Code));
        Assert.Equal(["2026Q4"], annual.QuartersEstimated.Select(q => q.Code));
    }

    [Theory]
    [InlineData("2025", "2025-06-30", "2025Q2")]
    [InlineData("2025", null, "2025Q4")]
    [InlineData("2024", "2025-06-30", "2024Q4")]
    [InlineData("2025Q1", "2025-06-30", "2025Q1")]
    public void A_value_belongs_to_the_form_of_the_quarter_it_ends_in_or_its_province_closed_in(string period, string? closed, string form)
    {
        var province = new OrgUnit
        {
            Code = "15", NameVi = "Yên Bái", NameEn = "Yen Bai", Level = 2, OpeningDate = new DateOnly(1991, 10, 1),
            ClosedDate = closed is null ? null : DateOnly.Parse(closed, CultureInfo.InvariantCulture),
        };

        Assert.Equal(form, ReportForm.PeriodFor(Period.Parse(period), province).Code);
    }
}
