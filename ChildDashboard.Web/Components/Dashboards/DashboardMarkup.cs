using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Services.Dashboards;
using ChildDashboard.Web.Components.Shared;
using ChildDashboard.Web.Localization;
using Microsoft.Extensions.Localization;

namespace ChildDashboard.Web.Components.Dashboards;

// The read-only pieces of a dashboard (status chip, bullet graph, sparkline, change, forecast, and
// the cells of an indicator row) as HTML strings. A component per piece held two render-tree
// buffers on every open page; a string is one frame, and the cells of a row are built once per
// shared DashboardRow, culture and link, so a thousand pages on the national overview hold one
// copy (issue #10). The components StatusChip, BulletGraph... write the same strings.
public static class DashboardMarkup
{
    // Text and attribute values escaped; Vietnamese letters and symbols kept as they are.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly ConcurrentDictionary<(IndicatorStatus, string), string> Chips = new();

    private static readonly ConditionalWeakTable<DashboardRow, ConcurrentDictionary<(string Culture, string UiCulture, string Href), (IReadOnlyList<int> Years, string Cells)>> RowCells = new();

    private const double BulletWidth = 160;
    private const double BulletHeight = 20;
    private const double SparkWidth = 96;
    private const double SparkHeight = 24;

    public static string Encode(string? text) => Html.Encode(text ?? "");

    // The cells (<td>s) of a dashboard row, shared by every page that shows the same row.
    public static string IndicatorCells(IStringLocalizer l, DashboardRow row, IReadOnlyList<int> years, string href)
    {
        var cache = RowCells.GetValue(row, _ => new());
        var key = (CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name, href);
        if (cache.TryGetValue(key, out var cached) && (ReferenceEquals(cached.Years, years) || cached.Years.SequenceEqual(years)))
            return cached.Cells;
        var cells = BuildIndicatorCells(l, row, years, href);
        cache[key] = (years, cells);
        return cells;
    }

    private static string BuildIndicatorCells(IStringLocalizer l, DashboardRow row, IReadOnlyList<int> years, string href)
    {
        var indicator = row.Indicator;
        var link = Encode(href);
        var html = new StringBuilder(2048);
        html.Append("<td class=\"col-indicator\"><a class=\"ind-code\" href=\"").Append(link).Append("\" tabindex=\"-1\" aria-hidden=\"true\">")
            .Append(Encode(indicator.Code)).Append("</a> <a class=\"ind-name\" href=\"").Append(link).Append("\">")
            .Append(Encode(indicator.Name(Language.IsVietnamese))).Append("</a> <div class=\"ind-caption\"><span>")
            .Append(Encode(indicator.UnitLabel(Language.IsVietnamese))).Append("</span> ")
            .Append(ForecastText(l, row.Forecast, indicator.Decimals)).Append("</div></td>");
        Cell(html, "col-number col-value", l["DashValue"]).Append(Encode(Format.Number(row.Value, indicator.Decimals))).Append("</td>");
        Cell(html, "col-number col-target", l["Target"]);
        if (row.Target is { } target)
            html.Append("<span>").Append(Encode(Format.Number(target, indicator.Decimals)))
                .Append("<span class=\"target-year\"> (").Append(row.TargetYear?.ToString(CultureInfo.InvariantCulture)).Append(")</span></span>");
        else
            html.Append("<span>—</span>");
        html.Append("</td>");
        Cell(html, "col-bullet", l["DashProgress"]).Append(BulletGraph(l, row)).Append("</td>");
        Cell(html, "col-status", l["Status"]).Append(StatusChip(l, row.Status)).Append("</td>");
        Cell(html, "col-number col-change", l["DashChange"]).Append(ChangeText(row)).Append("</td>");
        Cell(html, "col-trend", l["DashTrend"]).Append(Sparkline(row.Trend, years, row.Target, indicator.Decimals)).Append("</td>");
        return html.ToString();
    }

    private static StringBuilder Cell(StringBuilder html, string cssClass, string label) =>
        html.Append("<td class=\"").Append(cssClass).Append("\" data-label=\"").Append(Encode(label)).Append("\">");

    // Colour, icon and word (StatusStyle): one string per status and language.
    public static string StatusChip(IStringLocalizer l, IndicatorStatus status) =>
        Chips.GetOrAdd((status, CultureInfo.CurrentUICulture.Name), _ =>
            $"<span class=\"status-chip {StatusStyle.CssClass(status)}\" style=\"--status-colour: {StatusStyle.Colour(status)}\" data-status=\"{status}\">"
            + SvgIcon.Small(StatusStyle.Icon(status), "status-icon") + $" <span>{Encode(l["Status" + status])}</span></span>");

    // The change against the same period a year earlier, with an arrow and whether that is good.
    public static string ChangeText(DashboardRow row)
    {
        if (row.Change is not { } change)
            return "<span class=\"change change-none\">—</span>";
        var good = row.ChangeIsGood switch { true => "change-good", false => "change-bad", _ => "change-none" };
        var arrow = change > 0 ? "▲" : change < 0 ? "▼" : "■";
        return $"<span class=\"change {good}\"><span aria-hidden=\"true\">{arrow}</span> {Encode((change > 0 ? "+" : "") + Format.Number(change, row.Indicator.Decimals))}</span>";
    }

    // One sentence: already there, when it will be reached, or by how much the target year misses;
    // nothing without a forecast.
    public static string ForecastText(IStringLocalizer l, Forecast? forecast, int decimals)
    {
        if (forecast is not { } f)
            return "";
        string text = f.ReachedYear == f.ToYear ? l["DashForecastAlready", f.ToYear, f.TargetYear]
            : f.Outcome == ForecastOutcome.WillMeet ? l["DashForecastMeet", f.ReachedYear!, f.TargetYear]
            : f.ReachedYear is { } late ? l["DashForecastLate", late, f.TargetYear, Format.Number(f.Projected, decimals)]
            : l["DashForecastNever", f.TargetYear, Format.Number(f.Projected, decimals), Format.Number(f.Target, decimals), ForecastCalculator.HorizonYear];
        return $"<span class=\"forecast-text {(f.Outcome == ForecastOutcome.WillMeet ? "forecast-meet" : "forecast-miss")}\" data-outcome=\"{f.Outcome}\">{Encode(text)}</span>";
    }

    // A bullet graph (BulletScale): the band from baseline to target, the value as a bar in the
    // status colour, the expected mark and the target tick; a dash without a target.
    public static string BulletGraph(IStringLocalizer l, DashboardRow row)
    {
        if (BulletScale.For(row.Indicator.Direction, row.Baseline, row.Target, row.Value) is not { } scale || row.Target is not { } target)
            return "<span class=\"bullet-none\">—</span>";
        var decimals = row.Indicator.Decimals;
        double? expected = row is { Expected: { } e, Baseline: { } b } ? b + e * (target - b) : null;
        var label = Encode(string.Join("; ", new[]
        {
            l["DashValue"] + ": " + Format.Number(row.Value, decimals),
            l["Target"] + ": " + Format.Number(target, decimals),
            row.Baseline is { } baseline ? l["DashBaseline"] + ": " + Format.Number(baseline, decimals) : null,
            expected is { } x ? l["DashExpected"] + ": " + Format.Number(x, decimals) : null,
        }.Where(s => s is not null)));
        var bandFrom = scale.Position(BulletScale.BandStart(row.Indicator.Direction, row.Baseline, target));
        var bandTo = scale.Position(target);
        var svg = new StringBuilder(768);
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"bullet-graph\" viewBox=\"0 0 {BulletWidth} {BulletHeight}\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{label}\" data-direction=\"{row.Indicator.Direction}\"><title>{label}</title>")
            .Append(CultureInfo.InvariantCulture, $"<rect class=\"bullet-track\" x=\"0\" y=\"2\" width=\"{BulletWidth}\" height=\"{BulletHeight - 4}\"></rect>")
            .Append(CultureInfo.InvariantCulture, $"<rect class=\"bullet-band\" x=\"{X(Math.Min(bandFrom, bandTo))}\" y=\"2\" width=\"{X(Math.Abs(bandTo - bandFrom))}\" height=\"{BulletHeight - 4}\"></rect>");
        if (row.Value is { } value)
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bullet-bar\" x=\"0\" y=\"{BulletHeight / 2 - 3}\" width=\"{X(scale.Position(value))}\" height=\"6\" fill=\"{StatusStyle.Colour(row.Status)}\"></rect>");
        if (expected is { } at)
        {
            var position = scale.Position(at);
            svg.Append(CultureInfo.InvariantCulture, $"<path class=\"bullet-expected\" d=\"M {X(position - 0.02)} {BulletHeight - 1} L {X(position + 0.02)} {BulletHeight - 1} L {X(position)} {BulletHeight - 7} Z\"></path>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bullet-target\" x=\"{X(bandTo, -1)}\" y=\"0\" width=\"2\" height=\"{BulletHeight}\"></rect></svg>");
        return svg.ToString();
    }

    // SVG numbers take a dot whatever the user's culture (vi-VN writes 12,27).
    private static string X(double fraction, double shift = 0) => (fraction * BulletWidth + shift).ToString("0.##", CultureInfo.InvariantCulture);

    private static string N(double value) => value.ToString(CultureInfo.InvariantCulture);

    // A Tufte sparkline of yearly values: gaps where a year has no value, the last point marked.
    public static string Sparkline(IReadOnlyList<double?> values, IReadOnlyList<int> years, double? target, int decimals)
    {
        var known = values.Select((v, i) => (Value: v, Index: i)).Where(p => p.Value is not null).ToList();
        if (known.Count == 0)
            return "<span class=\"sparkline-none\">—</span>";
        var low = known.Min(p => p.Value!.Value);
        var high = known.Max(p => p.Value!.Value);
        if (target is { } t && t >= low - (high - low) && t <= high + (high - low))
        {
            low = Math.Min(low, t);
            high = Math.Max(high, t);
        }
        var span = high > low ? high - low : 1;
        double Y(double v) => Math.Round(SparkHeight - 3 - (v - low) / span * (SparkHeight - 6), 2);
        double X(int i) => Math.Round(2 + i * (SparkWidth - 4) / Math.Max(1, values.Count - 1), 2);
        var points = known.Select(p => (X: X(p.Index), Y: Y(p.Value!.Value), p.Index)).ToList();
        var label = Encode(string.Join(", ", known.Select(p => $"{years[p.Index]}: {Format.Number(p.Value, decimals)}")));
        var svg = new StringBuilder(512);
        svg.Append($"<svg class=\"sparkline\" viewBox=\"0 0 {N(SparkWidth)} {N(SparkHeight)}\" role=\"img\" aria-label=\"{label}\"><title>{label}</title>");
        if (target is { } goal && goal >= low && goal <= high)
            svg.Append($"<line class=\"sparkline-target\" x1=\"0\" x2=\"{N(SparkWidth)}\" y1=\"{N(Y(goal))}\" y2=\"{N(Y(goal))}\"></line>");
        svg.Append("<polyline class=\"sparkline-line\" points=\"");
        for (var i = 0; i < points.Count; i++)
        {
            if (i > 0)
                svg.Append(points[i].Index != points[i - 1].Index + 1 ? "\"></polyline><polyline class=\"sparkline-line\" points=\"" : " ");
            svg.Append(N(points[i].X)).Append(',').Append(N(points[i].Y));
        }
        svg.Append($"\"></polyline><circle class=\"sparkline-last\" cx=\"{N(points[^1].X)}\" cy=\"{N(points[^1].Y)}\" r=\"2\"></circle></svg>");
        return svg.ToString();
    }
}
