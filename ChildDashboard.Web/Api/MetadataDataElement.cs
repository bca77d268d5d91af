using ChildDashboard.Core.Domain;

namespace ChildDashboard.Web.Api;

public sealed record MetadataDataElement(
    string Code, string NameVi, string NameEn, PeriodType PeriodType, AggregationType AggregationType,
    ElementValueType ValueType, string Disaggregation, IReadOnlyList<string> Options);
