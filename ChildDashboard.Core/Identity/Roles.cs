namespace ChildDashboard.Core.Identity;

public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string Leader = nameof(Leader);
    public const string Analyst = nameof(Analyst);
    public const string DataEntry = nameof(DataEntry);

    public static readonly IReadOnlyList<string> All = [Admin, Leader, Analyst, DataEntry];
}
