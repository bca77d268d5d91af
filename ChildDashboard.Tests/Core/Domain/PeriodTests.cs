using System.Globalization;
using ChildDashboard.Core.Domain;

namespace ChildDashboard.Tests.Core.Domain;

public class PeriodTests
{
    [Theory]
    [InlineData("2025", PeriodType.Yearly, "2025-01-01", "2025-12-31")]
    [InlineData("2025S1", PeriodType.SixMonthly, "2025-01-01", "2025-06-30")]
    [InlineData("2025S2", PeriodType.SixMonthly, "2025-07-01", "2025-12-31")]
    [InlineData("2025Q1", PeriodType.Quarterly, "2025-01-01", "2025-03-31")]
    [InlineData("2025Q3", PeriodType.Quarterly, "2025-07-01", "2025-09-30")]
    [InlineData("2024Q1", PeriodType.Quarterly, "2024-01-01", "2024-03-31")]
    [InlineData("202502", PeriodType.Monthly, "2025-02-01", "2025-02-28")]
    [InlineData("202402", PeriodType.Monthly, "2024-02-01", "2024-02-29")]
    [InlineData("202512", PeriodType.Monthly, "2025-12-01", "2025-12-31")]
    public void ParsesDhis2CodesIntoDateRanges(string code, PeriodType type, string start, string end)
    {
        var period = Period.Parse(code);

        Assert.Equal(type, period.Type);
        Assert.Equal(DateOnly.Parse(start), period.Start);
        Assert.Equal(DateOnly.Parse(end), period.End);
        Assert.Equal(code, period.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("25")]
    [InlineData("2025Q0")]
    [InlineData("2025Q5")]
    [InlineData("2025S3")]
    [InlineData("202513")]
    [InlineData("202500")]
    [InlineData("2025q1")]
    [InlineData(" 2025")]
    [InlineData("2025 ")]
    [InlineData("2025-Q1")]
    [InlineData("2025W01")]
    [InlineData("20251")]
    [InlineData("2025Q12")]
    [InlineData("abcd")]
    [InlineData("1800")]
    public void RejectsAnythingElseWithAMessage(string code)
    {
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en-US");
            Assert.False(Period.TryParse(code, out _, out var error));
            Assert.Contains("is not a period", error);
            var thrown = Assert.Throws<FormatException>(() => Period.Parse(code));
            Assert.Equal(error, thrown.Message);

            CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
            Assert.False(Period.TryParse(code, out _, out var vietnamese));
            Assert.Contains("không phải là một kỳ", vietnamese);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public void CountsDaysOfQuartersAndLeapYears()
    {
        Assert.Equal(91, Period.Parse("2025Q2").Days);
        Assert.Equal(90, Period.Parse("2025Q1").Days);
        Assert.Equal(91, Period.Parse("2024Q1").Days);
        Assert.Equal(366, Period.Parse("2024").Days);
        Assert.Equal(181, Period.Parse("2025S1").Days);
    }

    [Fact]
    public void SplitsAYearIntoItsQuartersAndAHalfIntoMonths()
    {
        Assert.Equal(["2025Q1", "2025Q2", "2025Q3", "2025Q4"], Period.Parse("2025").Split(PeriodType.Quarterly).Select(p => p.Code));
        Assert.Equal(["202507", "202508", "202509", "202510", "202511", "202512"], Period.Parse("2025S2").Split(PeriodType.Monthly).Select(p => p.Code));
        Assert.Equal(["2025Q3"], Period.Parse("2025Q3").Split(PeriodType.Quarterly).Select(p => p.Code));
    }

    [Fact]
    public void NextCrossesTheYearBoundary()
    {
        Assert.Equal("2026Q1", Period.Parse("2025Q4").Next().Code);
        Assert.Equal("202601", Period.Parse("202512").Next().Code);
        Assert.Equal("2026", Period.Parse("2025").Next().Code);
    }

    [Fact]
    public void ContainsOnlyPeriodsInsideItsRange()
    {
        var year = Period.Parse("2025");
        Assert.True(year.Contains(Period.Parse("2025Q3")));
        Assert.True(year.Contains(Period.Parse("202512")));
        Assert.False(year.Contains(Period.Parse("2026Q1")));
        Assert.False(Period.Parse("2025Q3").Contains(year));
    }
}
