using System.Collections;

namespace ChildDashboard.Core.Exchange;

// The conflicts of one import, kept up to a cap and counted beyond it: a file of ten million blank
// lines or unknown columns is refused with the first thousand reasons and their total, not with an
// answer larger than the file.
public sealed class ImportConflicts : IReadOnlyList<ImportConflict>
{
    public const int Cap = 1000;

    private readonly List<ImportConflict> _kept = [];

    public int Total { get; private set; }

    public int Count => _kept.Count;

    public ImportConflict this[int index] => _kept[index];

    public void Add(ImportConflict conflict)
    {
        Total++;
        if (_kept.Count < Cap)
            _kept.Add(conflict);
    }

    public void AddRange(IEnumerable<ImportConflict> conflicts)
    {
        foreach (var conflict in conflicts)
            Add(conflict);
    }

    // Conflicts are found in several passes (rows, locked forms, validation rules); the answer lists them by row.
    public IReadOnlyList<ImportConflict> InRowOrder() => [.. _kept.OrderBy(c => c.Row)];

    public IEnumerator<ImportConflict> GetEnumerator() => _kept.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
