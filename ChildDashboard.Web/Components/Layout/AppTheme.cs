using MudBlazor;

namespace ChildDashboard.Web.Components.Layout;

public static class AppTheme
{
    // Noto Sans / Be Vietnam Pro carry every Vietnamese diacritic; Roboto's fallbacks do not always.
    private static readonly string[] FontFamily = ["Be Vietnam Pro", "Noto Sans", "Segoe UI", "Roboto", "Arial", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0B6E4F",
            Secondary = "#F2A541",
            // Dark text on the amber chip: white on it fails WCAG contrast (axe, AccessibilityTests).
            SecondaryContrastText = "#1F2A24",
            // MudBlazor's own success, error, warning and info colours fail WCAG AA as text on white
            // (2.2:1 to 3.7:1: the green "active" chips, red text buttons, the amber demo notice);
            // these darker ones pass as text and under white text (5.1:1 to 5.8:1).
            Success = "#2E7D32",
            Error = "#C62828",
            Warning = "#A15C00",
            Info = "#1565C0",
            // Captions and hints: MudBlazor's 54 % black is 4.3:1 on the page's background.
            TextSecondary = "#4A5551",
            AppbarBackground = "#0B6E4F",
            Background = "#F6F8F7",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontFamily },
        },
    };
}
