namespace ChildDashboard.Core.Domain;

// Dates that matter to users (which unit is open today, which year is over) are Vietnam's dates:
// UTC+7 all year round, with no daylight saving.
public static class VietnamClock
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTimeOffset Now(TimeProvider time) => time.GetUtcNow().ToOffset(Offset);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Now(time).DateTime);
}
