namespace ChildDashboard.Tests.Core.Exchange.Reports;

public static class WorkbookAssert
{
    // A spreadsheet keeps 15 significant digits (Excel's limit, and what the file stores): the
    // figure is the same to that precision, whatever its size.
    public static void Same(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-13 * Math.Max(1, Math.Abs(expected)), $"Expected {expected:R}, the workbook holds {actual:R}.");
}
