using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace ChildDashboard.Web.Components.Shared;

// MudIcon's markup as one shared string: a page with dozens of icons holds one frame per icon
// instead of a component each (issue #10). The icons are MudBlazor's (Icons.Material...) and the
// classes MudIcon's, so they look the same. Decorative: hidden from assistive technology.
public static class SvgIcon
{
    private static readonly ConcurrentDictionary<(string Icon, string Size, string Class), MarkupString> Cache = new();

    public static MarkupString Small(string icon, string cssClass = "") => Of(icon, "small", cssClass);

    public static MarkupString Medium(string icon, string cssClass = "") => Of(icon, "medium", cssClass);

    private static MarkupString Of(string icon, string size, string cssClass) =>
        Cache.GetOrAdd((icon, size, cssClass), key => new MarkupString(
            $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-{key.Size}{(key.Class.Length > 0 ? " " + key.Class : "")}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{key.Icon}</svg>"));
}
