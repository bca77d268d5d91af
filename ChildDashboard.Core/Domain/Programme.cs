namespace ChildDashboard.Core.Domain;

public class Programme
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameVi { get; set; }
    public required string NameEn { get; set; }
    public required string Decision { get; set; }
    public int StartYear { get; set; }
    public int? EndYear { get; set; }
    public List<Indicator> Indicators { get; set; } = [];

    public string Name(bool vietnamese) => vietnamese ? NameVi : NameEn;
}
