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
            AppbarBackground = "#0B6E4F",
            Background = "#F6F8F7",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontFamily },
        },
    };
}
