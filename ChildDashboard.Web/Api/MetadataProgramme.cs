namespace ChildDashboard.Web.Api;

public sealed record MetadataProgramme(string Code, string NameVi, string NameEn, string Decision, int StartYear, int? EndYear);
