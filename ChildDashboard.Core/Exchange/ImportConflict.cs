namespace ChildDashboard.Core.Exchange;

// A rejected row: its number as the user sees it, the column, the offending value and why.
public sealed record ImportConflict(int Row, string Column, string? Value, string Message);
