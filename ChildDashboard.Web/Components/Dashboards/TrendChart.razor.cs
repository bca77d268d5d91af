using System.Globalization;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Services.Dashboards;
using ChildDashboard.Web.Localization;
using Microsoft.AspNetCore.Components;

namespace ChildDashboard.Web.Components.Dashboards;

// The geometry of the trend chart: years across, values up, on a scale that holds every value,
// target, baseline and the forecast's projection.
public partial class TrendChart
{
    private const double Width = 520, Height = 250, Left = 56, Right = 16, Top = 18, Bottom = 30;

    [Parameter, EditorRequired]
    public required IndicatorDetails Details { get; set; }

    private int Decimals => Details.Indicator.Decimals;

    private sealed record Point(IndicatorFigure Figure, double X, double Y);

    private sealed record Segment(string Points, bool Partial);

    private List<Point> _points = [];
    private List<Segment> _segments = [];
    private List<Target> _targets = [];
    private List<double> _ticks = [];
    private int _tickDecimals;
    private int _from, _to, _yearStep = 1;
    private double _low, _high;
    private double? _mergerX;

    private string Label => L["IndicatorTrendLabel", Details.Indicator.Name(Language.IsVietnamese), Details.Unit.Name(Language.IsVietnamese)];

    protected override void OnParametersSet()
    {
        var known = Details.Years.Where(y => y.Value is not null).ToList();
        _targets = Details.Chain.ToList();
        _points = [];
        _segments = [];
        if (known.Count == 0 && _targets.Count == 0)
            return;

        var years = known.Select(k => k.Period.Year)
            .Concat(_targets.Select(t => t.TargetYear))
            .Concat(_targets.Where(t => t.HasBaseline).Select(t => t.BaselineYear.GetValueOrDefault()))
            .ToList();
        if (Details.Forecast is { } f)
            years.AddRange([f.FromYear, f.TargetYear]);
        _from = years.Min();
        _to = Math.Max(years.Max(), _from + 1);
        _yearStep = _to - _from > 10 ? 2 : 1;

        var values = known.Select(k => k.Value.GetValueOrDefault())
            .Concat(_targets.Select(t => t.TargetValue))
            .Concat(_targets.Where(t => t.HasBaseline).Select(t => t.BaselineValue.GetValueOrDefault()))
            .ToList();
        if (Details.Forecast is { } forecast)
            values.AddRange([forecast.Projected, forecast.Intercept + forecast.Slope * forecast.FromYear]);
        (_ticks, _tickDecimals) = Ticks(values.Min(), values.Max());
        _low = Math.Min(_ticks[0], values.Min());
        _high = Math.Max(_ticks[^1], values.Max());

        _points = known.Select(k => new Point(k, X(k.Period.Year), Y(k.Value.GetValueOrDefault()))).ToList();
        var complete = new List<string>();
        for (var i = 0; i < _points.Count; i++)
        {
            var p = _points[i];
            var gap = i > 0 && p.Figure.Period.Year != _points[i - 1].Figure.Period.Year + 1;
            if (p.Figure.Partial && i > 0 && !gap)
            {
                // The year to date joins the last whole year with a dashed line.
                _segments.Add(new Segment($"{N(_points[i - 1].X)},{N(_points[i - 1].Y)} {N(p.X)},{N(p.Y)}", true));
                continue;
            }
            if (gap && complete.Count > 0)
            {
                _segments.Add(new Segment(string.Join(' ', complete), false));
                complete = [];
            }
            if (!p.Figure.Partial)
                complete.Add($"{N(p.X)},{N(p.Y)}");
        }
        if (complete.Count > 0)
            _segments.Add(new Segment(string.Join(' ', complete), false));

        // The merger matters where the unit's boundaries changed with it.
        var mergerYear = Details.Merger.MergerDate.Year + (Details.Merger.MergerDate.DayOfYear - 1) / 365.0;
        _mergerX = (Details.Merger.Predecessors.Count > 0 || Details.Merger.Successor is not null) && mergerYear > _from && mergerYear < _to
            ? X(mergerYear) : null;
    }

    private double X(double year) => Left + (year - _from) / (_to - _from) * (Width - Left - Right);

    private double Y(double value) => _high > _low
        ? Top + (_high - value) / (_high - _low) * (Height - Top - Bottom)
        : (Top + Height - Bottom) / 2;

    // Four or five round steps (1, 2, 2.5 or 5 × 10^k) that cover the values.
    private static (List<double> Ticks, int Decimals) Ticks(double low, double high)
    {
        if (high <= low)
        {
            var pad = Math.Abs(high) * 0.1 + 1;
            (low, high) = (low - pad, high + pad);
        }
        var raw = (high - low) / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        var ticks = new List<double>();
        for (var t = Math.Floor(low / step) * step; t <= high + step * 1e-9; t += step)
            ticks.Add(Math.Round(t, 10));
        if (ticks[^1] < high)
            ticks.Add(ticks[^1] + step);
        var decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9) + (step / magnitude == 2.5 ? 1 : 0));
        return (ticks, decimals);
    }

    private string PointLabel(IndicatorFigure figure) =>
        $"{figure.Period.Year}: {Format.Number(figure.Value, Decimals)}" + (figure.Partial ? " " + L["IndicatorYearToDate"] : "");

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
