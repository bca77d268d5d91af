using ChildDashboard.Core.Services;

namespace ChildDashboard.Web.Api;

// GET /api/v1/metadata: the reference data a client needs to write and read values.
public sealed record MetadataResponse(
    IReadOnlyList<MetadataProgramme> Programmes, IReadOnlyList<MetadataDataElement> DataElements,
    IReadOnlyList<MetadataIndicator> Indicators, IReadOnlyList<MetadataOrgUnit> OrgUnits,
    IReadOnlyList<MetadataTarget> Targets, IReadOnlyList<MetadataValidationRule> ValidationRules)
{
    public static MetadataResponse From(Catalogue c)
    {
        // A unit is named by code and, to be unambiguous across reused codes, by CODE@openingDate.
        string Ref(int unitId) => $"{c.Units[unitId].Code}@{c.Units[unitId].OpeningDate:yyyy-MM-dd}";
        return new(
            [.. c.Programmes.Select(p => new MetadataProgramme(p.Code, p.NameVi, p.NameEn, p.Decision, p.StartYear, p.EndYear))],
            [.. c.Elements.Select(e => new MetadataDataElement(
                e.Code, e.NameVi, e.NameEn, e.PeriodType, e.AggregationType, e.ValueType, e.Disaggregation, c.OptionsOf(e)))],
            [.. c.Indicators.Select(i => new MetadataIndicator(
                i.Code, c.Programmes.FirstOrDefault(p => p.Id == i.ProgrammeId)?.Code, i.NameVi, i.NameEn, i.Numerator, i.Denominator,
                i.Factor, i.Direction, i.UnitVi, i.UnitEn, i.Decimals, i.Annualized))],
            [.. c.Units.All.OrderBy(u => u.Level).ThenBy(u => u.Code, StringComparer.Ordinal).ThenBy(u => u.OpeningDate).Select(u => new MetadataOrgUnit(
                u.Code, Ref(u.Id), u.NameVi, u.NameEn, u.Level, u.ParentId is { } p ? Ref(p) : null,
                u.OpeningDate, u.ClosedDate, u.SuccessorId is { } s ? Ref(s) : null,
                u.RegionVi, u.RegionEn, u.Latitude, u.Longitude))],
            [.. c.Targets.Select(t => new MetadataTarget(
                c.Indicators.First(i => i.Id == t.IndicatorId).Code, Ref(t.OrgUnitId),
                t.BaselineYear, t.BaselineValue, t.TargetYear, t.TargetValue, t.Source))],
            [.. c.ValidationRules.Select(r => new MetadataValidationRule(r.Code, r.Left, r.Operator, r.Right, r.Severity, r.MessageVi, r.MessageEn))]);
    }
}
