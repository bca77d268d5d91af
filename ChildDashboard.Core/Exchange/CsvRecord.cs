namespace ChildDashboard.Core.Exchange;

// One record and its spreadsheet row; a blank line before the end of the file has no fields.
public sealed record CsvRecord(int Row, string[] Fields);
