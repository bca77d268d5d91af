using System.Globalization;
using ChildDashboard.Core.Services.Settings;

namespace ChildDashboard.Web.Components.Pages.Admin;

// How a setting reads on the page: margins as percentages (0.10 → 10), sizes in MB, the rest as stored.
public static class SettingDisplay
{
    private const double Megabyte = 1024 * 1024;

    public static double Show(SettingDefinition definition, double stored) => definition.Kind switch
    {
        SettingKind.Fraction => Math.Round(stored * 100, 10),
        SettingKind.Bytes => Math.Round(stored / Megabyte, 6),
        _ => stored,
    };

    // Null (an emptied field) sets the setting back to the configuration's value.
    public static double? Store(SettingDefinition definition, double? shown) => shown is not { } value ? null : definition.Kind switch
    {
        SettingKind.Fraction => Math.Round(value / 100, 10),
        SettingKind.Bytes => Math.Round(value * Megabyte),
        _ => value,
    };

    public static string Text(SettingDefinition definition, double stored) =>
        Show(definition, stored).ToString("#,##0.######", CultureInfo.CurrentCulture);
}
