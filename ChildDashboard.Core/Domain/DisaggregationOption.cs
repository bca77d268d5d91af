namespace ChildDashboard.Core.Domain;

// One option of a disaggregation (sex: MALE, FEMALE); "none" has the single option "default".
public class DisaggregationOption
{
    public const string DefaultCode = "default";

    public int Id { get; set; }
    public required string Disaggregation { get; set; }
    public required string OptionCode { get; set; }
    public required string NameVi { get; set; }
    public required string NameEn { get; set; }
}
