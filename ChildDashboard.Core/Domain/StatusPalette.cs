namespace ChildDashboard.Core.Domain;

// One colour per status for pages, the map, print and workbooks alike (Okabe–Ito, safe for
// colour-blind readers; a word or an icon always carries the meaning beside the colour).
public static class StatusPalette
{
    public static string Colour(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Achieved => "#009E73",
        IndicatorStatus.OnTrack => "#0072B2",
        IndicatorStatus.AtRisk => "#E69F00",
        IndicatorStatus.OffTrack => "#D55E00",
        IndicatorStatus.NoData => "#A3A3A3",
        _ => "#5F6B66",
    };
}
