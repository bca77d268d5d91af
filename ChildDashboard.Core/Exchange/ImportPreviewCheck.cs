using System.Globalization;
using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Exchange;

// The commit of a previewed import re-checks everything, then makes sure it would make exactly the
// changes the user saw: a value changed by someone else since the preview is a conflict, not
// silently overwritten.
public static class ImportPreviewCheck
{
    public static List<ImportConflict> Differences(IReadOnlyList<ImportChange> previewed, IReadOnlyList<ImportChange> now, string column)
    {
        var then = previewed.ToDictionary(c => c.Key);
        var conflicts = new List<ImportConflict>();
        foreach (var change in now)
        {
            if (then.Remove(change.Key, out var seen) && seen.SameAs(change))
                continue;
            conflicts.Add(Changed(change.Row, column, change.New, seen?.Old, change.Old));
        }
        // Previewed changes that would no longer happen (someone stored the same figure meanwhile).
        conflicts.AddRange(then.Values.Select(seen => Changed(seen.Row, column, seen.New, seen.Old, seen.New)));
        return conflicts;
    }

    private static ImportConflict Changed(int row, string column, double? value, double? then, double? now)
    {
        string Show(double? v, string none) => v?.ToString("G", CultureInfo.CurrentCulture) ?? none;
        return new ImportConflict(row, column, value?.ToString(CultureInfo.InvariantCulture), Language.Pick(
            $"Số liệu đã bị thay đổi từ khi xem trước (lúc xem: {Show(then, "trống")}, nay: {Show(now, "trống")}); hãy xem trước lại.",
            $"The stored figure changed since the preview (then: {Show(then, "empty")}, now: {Show(now, "empty")}); preview the file again."));
    }
}
