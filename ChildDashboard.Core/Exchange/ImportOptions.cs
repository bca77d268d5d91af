namespace ChildDashboard.Core.Exchange;

// Bound from the `Import` configuration section (`Import__MaxFileBytes`, ...).
public sealed class ImportOptions
{
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    // What the parts of an .xlsx may inflate to in all: a 20 MB workbook holds about 200 MB of XML.
    public long MaxUncompressedBytes { get; set; } = 200 * 1024 * 1024;

    // The largest count a value may hold: no unit has a billion children, and a typo of that size
    // (or 1e300) would swamp every total it is part of.
    public long MaxCount { get; set; } = 1_000_000_000;

    // The largest amount of money (VND) a value may hold: 10^15 đồng, above any child-programme budget.
    public long MaxMoney { get; set; } = 1_000_000_000_000_000;

    // Values may be entered for periods up to the end of the year this many years ahead (planned
    // budgets, targets' years), not for 2099Q1.
    public int OpenFutureYears { get; set; } = 1;
}
