namespace ChildDashboard.Core.Exchange.Xlsx;

// What an uploaded .xlsx may hold before anything in it is read: a workbook is a zip of XML parts,
// and a zip can promise far more than it occupies (a 400 MB sheet fits in 400 KB).
public sealed record XlsxLimits(long MaxUncompressedBytes, int MaxEntries = XlsxLimits.DefaultMaxEntries, double MaxRatio = XlsxLimits.DefaultMaxRatio)
{
    public const int DefaultMaxEntries = 1000;

    // Spreadsheet XML compresses well, 10 to 50 times; beyond 200 it is filler, not a workbook.
    public const double DefaultMaxRatio = 200;

    // Small parts may compress better than any ratio (a part of one repeated tag): the ratio only
    // counts above this size.
    public const long RatioFloor = 1024 * 1024;

    public static XlsxLimits From(ImportOptions options) => new(options.MaxUncompressedBytes);
}
