using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace ChildDashboard.Web.Components.Shared;

// A labelled native select in MudBlazor's outlined field (its classes, border, floating label and
// arrow; app.css styles the select like MudSelect's slot). Written into the caller's own render
// tree: a MudSelect with its items was some thirty components on every open page (issue #10), and
// a component of our own would still hold two render buffers.
public static class OutlinedSelect
{
    private static readonly MarkupString Arrow = SvgIcon.Medium(Icons.Material.Filled.ArrowDropDown, "mud-icon-default mud-input-adornment-icon");

    // The field's flex class (app.css): "dash-native" keeps a picker's width, "dash-native-wide"
    // gives it a wider one, "dash-native-unit" a line of its own on a phone.
    public static RenderFragment Field(object receiver, string id, string label, string testId, string value, MarkupString options,
        Func<ChangeEventArgs, Task> changed, string layout = "dash-native") => builder =>
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "mud-select " + layout);
        builder.OpenElement(2, "div");
        builder.AddAttribute(3, "class", "mud-input-control mud-input-outlined-with-label mud-select dash-filter");
        builder.OpenElement(4, "div");
        builder.AddAttribute(5, "class", "mud-input-control-input-container");
        builder.OpenElement(6, "div");
        builder.AddAttribute(7, "class", "mud-input mud-input-outlined mud-input-outlined-with-label mud-input-adorned-end mud-shrink mud-typography-subtitle1 mud-select-input mud-input-sizing-fixed");
        Select(builder, receiver, id, testId, value, options, changed);
        builder.OpenElement(17, "div");
        builder.AddAttribute(18, "class", "mud-input-adornment mud-input-adornment-end");
        builder.AddContent(19, Arrow);
        builder.CloseElement();
        builder.OpenElement(20, "fieldset");
        builder.AddAttribute(21, "class", "mud-input-outlined-border");
        builder.OpenElement(22, "legend");
        builder.AddContent(23, label);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
        builder.OpenElement(24, "label");
        builder.AddAttribute(25, "class", "mud-input-label mud-input-label-animated mud-input-label-outlined mud-input-label-inputcontrol");
        builder.AddAttribute(26, "for", id);
        builder.AddContent(27, label);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    };

    private static void Select(RenderTreeBuilder builder, object receiver, string id, string testId, string value, MarkupString options, Func<ChangeEventArgs, Task> changed)
    {
        builder.OpenElement(8, "select");
        builder.AddAttribute(9, "id", id);
        builder.AddAttribute(10, "class", "mud-input-slot mud-input-root mud-input-root-outlined mud-input-root-adorned-end mud-select-input");
        builder.AddAttribute(11, "data-testid", testId);
        builder.AddAttribute(12, "value", value);
        builder.AddAttribute(13, "onchange", EventCallback.Factory.Create(receiver, changed));
        builder.AddContent(14, options);
        builder.CloseElement();
    }
}
