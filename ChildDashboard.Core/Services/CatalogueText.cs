using System.Globalization;
using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Services;

// How a catalogue item reads in the administrators' log: its names, definition and retirement, in one line.
public static class CatalogueText
{
    public static string Code(object item) => item switch
    {
        Programme p => p.Code,
        DataElement e => e.Code,
        Indicator i => i.Code,
        ValidationRule r => r.Code,
        _ => "",
    };

    public static string Describe(object item)
    {
        var text = item switch
        {
            Programme p => $"{p.NameVi} | {p.NameEn}",
            DataElement e => $"{e.NameVi} | {e.NameEn} | {e.PeriodType} {e.AggregationType} {e.ValueType} {e.Disaggregation}"
                + (e.DescriptionVi is null && e.DescriptionEn is null ? "" : $" | {e.DescriptionVi} | {e.DescriptionEn}"),
            Indicator i => $"{i.NameVi} | {i.NameEn} | ({i.Numerator}) / ({i.Denominator}) × {i.Factor.ToString(CultureInfo.InvariantCulture)}{(i.Annualized ? " annualized" : "")}",
            ValidationRule r => $"{r.MessageVi} | {r.MessageEn}",
            _ => "",
        };
        var retired = item switch
        {
            Programme p => p.RetiredFrom,
            DataElement e => e.RetiredFrom,
            Indicator i => i.RetiredFrom,
            ValidationRule r => r.RetiredFrom,
            _ => null,
        };
        return retired is { } from ? $"{text} | retired from {from:yyyy-MM-dd}" : text;
    }
}
