using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange;

namespace ChildDashboard.Core.Services;

// What an import may hold (exchange.md §3): counts and money up to the configured ceilings, periods
// ending no later than the open future, and texts no longer than their columns allow.
public sealed record ImportLimits(long MaxCount, long MaxMoney, DateOnly LatestPeriodEnd)
{
    // DHIS2's limit for a data value's comment.
    public const int CommentLength = 50_000;
    // DHIS2's storedby column.
    public const int StoredByLength = 255;
    public const int SourceLength = 1_000;
    // Longer than any number written out in full; a longer text is not parsed at all.
    public const int NumberLength = 64;

    public static ImportLimits From(ImportOptions options, DateOnly today) =>
        new(options.MaxCount, options.MaxMoney, new DateOnly(today.Year + options.OpenFutureYears, 12, 31));

    public static ImportLimits From(ImportOptions options, TimeProvider time) => From(options, VietnamClock.Today(time));

    public long MaxOf(ElementValueType type) => type == ElementValueType.Money ? MaxMoney : MaxCount;
}
