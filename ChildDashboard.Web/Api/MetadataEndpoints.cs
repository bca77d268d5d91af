using ChildDashboard.Core.Services;

namespace ChildDashboard.Web.Api;

public static class MetadataEndpoints
{
    public static void MapMetadata(this RouteGroupBuilder api) =>
        api.MapGet("/metadata", async (CatalogueCache catalogues) =>
        {
            var c = await catalogues.GetAsync();
            // A unit is named by code and, to be unambiguous across reused codes, by CODE@openingDate.
            string Ref(int unitId) => $"{c.Units[unitId].Code}@{c.Units[unitId].OpeningDate:yyyy-MM-dd}";
            return Results.Json(new
            {
                programmes = c.Programmes.Select(p => new { p.Code, p.NameVi, p.NameEn, p.Decision, p.StartYear, p.EndYear }),
                dataElements = c.Elements.Select(e => new
                {
                    e.Code, e.NameVi, e.NameEn, periodType = e.PeriodType.ToString(), aggregationType = e.AggregationType.ToString(),
                    valueType = e.ValueType.ToString(), e.Disaggregation, options = c.OptionsOf(e),
                }),
                indicators = c.Indicators.Select(i => new
                {
                    i.Code, programme = c.Programmes.FirstOrDefault(p => p.Id == i.ProgrammeId)?.Code, i.NameVi, i.NameEn, i.Numerator, i.Denominator,
                    i.Factor, direction = i.Direction.ToString(), i.UnitVi, i.UnitEn, i.Decimals, i.Annualized,
                }),
                orgUnits = c.Units.All.OrderBy(u => u.Level).ThenBy(u => u.Code, StringComparer.Ordinal).ThenBy(u => u.OpeningDate).Select(u => new
                {
                    u.Code, @ref = Ref(u.Id), u.NameVi, u.NameEn, u.Level, parent = u.ParentId is { } p ? Ref(p) : null,
                    openingDate = u.OpeningDate, closedDate = u.ClosedDate, successor = u.SuccessorId is { } s ? Ref(s) : null,
                    u.RegionVi, u.RegionEn, u.Latitude, u.Longitude,
                }),
                targets = c.Targets.Select(t => new
                {
                    indicator = c.Indicators.First(i => i.Id == t.IndicatorId).Code, orgUnit = Ref(t.OrgUnitId),
                    t.BaselineYear, t.BaselineValue, t.TargetYear, t.TargetValue, t.Source,
                }),
                validationRules = c.ValidationRules.Select(r => new { r.Code, r.Left, r.Operator, r.Right, severity = r.Severity.ToString(), r.MessageVi, r.MessageEn }),
            });
        });
}
