namespace ChildDashboard.Core.Domain;

// A key of ASP.NET Core's data protection (cookies, antiforgery tokens) kept in the database, so
// that every app server reads what any of them wrote.
public class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
