using ChildDashboard.Core.Domain;
using MudBlazor;

namespace ChildDashboard.Web.Components.Dashboards;

// One colour (StatusPalette, shared with the workbooks), one icon and one word per status on every page, the map and in print (Okabe–Ito,
// safe for colour-blind readers; the icon and word carry the meaning where colour cannot).
public static class StatusStyle
{
    public static string Colour(IndicatorStatus status) => StatusPalette.Colour(status);

    public static string Icon(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Achieved => Icons.Material.Filled.CheckCircle,
        IndicatorStatus.OnTrack => Icons.Material.Filled.ArrowCircleRight,
        IndicatorStatus.AtRisk => Icons.Material.Filled.Warning,
        IndicatorStatus.OffTrack => Icons.Material.Filled.Error,
        IndicatorStatus.NoData => Icons.Material.Outlined.HelpOutline,
        _ => Icons.Material.Outlined.OutlinedFlag,
    };

    public static string CssClass(IndicatorStatus status) => "status-" + status.ToString().ToLowerInvariant();

    // The order of the summary strip: what needs attention first.
    public static readonly IndicatorStatus[] Order =
    [
        IndicatorStatus.OffTrack, IndicatorStatus.AtRisk, IndicatorStatus.OnTrack, IndicatorStatus.Achieved,
        IndicatorStatus.NoData, IndicatorStatus.NoTarget,
    ];
}
