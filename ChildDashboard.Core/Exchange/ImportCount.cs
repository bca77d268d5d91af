namespace ChildDashboard.Core.Exchange;

public sealed record ImportCount(int Imported, int Updated, int Deleted, int Ignored);
