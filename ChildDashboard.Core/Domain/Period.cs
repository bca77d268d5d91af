using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ChildDashboard.Core.Domain;

// A DHIS2-style period: `2025`, `2025S1`, `2025Q3` or `202507`, a closed range of dates.
public readonly record struct Period(PeriodType Type, int Year, int Index) : IComparable<Period>
{
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    public static Period ForYear(int year) => new(PeriodType.Yearly, year, 1);
    public static Period ForHalf(int year, int half) => new(PeriodType.SixMonthly, year, half);
    public static Period ForQuarter(int year, int quarter) => new(PeriodType.Quarterly, year, quarter);
    public static Period ForMonth(int year, int month) => new(PeriodType.Monthly, year, month);

    public string Code => Type switch
    {
        PeriodType.Yearly => Year.ToString("D4", CultureInfo.InvariantCulture),
        PeriodType.SixMonthly => $"{Year:D4}S{Index}",
        PeriodType.Quarterly => $"{Year:D4}Q{Index}",
        _ => $"{Year:D4}{Index:D2}",
    };

    private int MonthsLong => Type switch
    {
        PeriodType.Yearly => 12,
        PeriodType.SixMonthly => 6,
        PeriodType.Quarterly => 3,
        _ => 1,
    };

    public DateOnly Start => new(Year, (Index - 1) * MonthsLong + 1, 1);

    public DateOnly End => Start.AddMonths(MonthsLong).AddDays(-1);

    public int Days => End.DayNumber - Start.DayNumber + 1;

    public Period YearPeriod => ForYear(Year);

    public bool Contains(Period other) => Start <= other.Start && other.End <= End;

    public Period Next() => Index * MonthsLong == 12
        ? this with { Year = Year + 1, Index = 1 }
        : this with { Index = Index + 1 };

    // The periods of a shorter type that make up this one, e.g. the four quarters of a year.
    public IEnumerable<Period> Split(PeriodType type)
    {
        var part = new Period(type, Year, 1);
        while (part.Start < Start)
            part = part.Next();
        for (; part.End <= End && part.Year == Year; part = part.Next())
            yield return part;
    }

    public int CompareTo(Period other)
    {
        var byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : other.End.CompareTo(End);
    }

    public override string ToString() => Code;

    public static Period Parse(string code) =>
        TryParse(code, out var period, out var error) ? period : throw new FormatException(error);

    public static bool TryParse(string? code, out Period period) => TryParse(code, out period, out _);

    public static bool TryParse(string? code, out Period period, [NotNullWhen(false)] out string? error)
    {
        period = default;
        error = null;
        if (string.IsNullOrEmpty(code) || code.Length < 4 || !AllDigits(code.AsSpan(0, 4)))
        {
            error = NotAPeriod(code);
            return false;
        }

        var year = int.Parse(code.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var rest = code.AsSpan(4);
        (PeriodType type, int index, int max) = rest switch
        {
            [] => (PeriodType.Yearly, 1, 1),
            ['S', var d] when char.IsAsciiDigit(d) => (PeriodType.SixMonthly, d - '0', 2),
            ['Q', var d] when char.IsAsciiDigit(d) => (PeriodType.Quarterly, d - '0', 4),
            [var a, var b] when char.IsAsciiDigit(a) && char.IsAsciiDigit(b) => (PeriodType.Monthly, (a - '0') * 10 + (b - '0'), 12),
            _ => (PeriodType.Yearly, -1, 0),
        };

        if (index < 1 || index > max)
        {
            error = index == -1
                ? NotAPeriod(code)
                : Language.Pick($"'{code}' không phải là một kỳ: số thứ tự {index} nằm ngoài khoảng 1–{max}.",
                    $"'{code}' is not a period: {type} index {index} is out of range 1–{max}.");
            return false;
        }

        if (year < MinYear || year > MaxYear)
        {
            error = Language.Pick($"'{code}' không phải là một kỳ: năm {year} nằm ngoài khoảng {MinYear}–{MaxYear}.",
                $"'{code}' is not a period: year {year} is outside {MinYear}–{MaxYear}.");
            return false;
        }

        period = new Period(type, year, index);
        return true;
    }

    private static string NotAPeriod(string? code)
    {
        var quoted = code is { Length: > 60 } ? string.Concat(code.AsSpan(0, 60), "…") : code;
        return Language.Pick($"'{quoted}' không phải là một kỳ: cần một mã như 2025, 2025S1, 2025Q3 hoặc 202507.",
            $"'{quoted}' is not a period: expected a code such as 2025, 2025S1, 2025Q3 or 202507.");
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }
        return true;
    }
}
