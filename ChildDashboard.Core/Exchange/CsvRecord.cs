namespace ChildDashboard.Core.Exchange;

public sealed record CsvRecord(int Row, string[] Fields);
