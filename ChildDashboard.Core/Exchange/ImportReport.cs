using System.Text.Json.Serialization;

namespace ChildDashboard.Core.Exchange;

// The answer to an import (exchange.md §4): SUCCESS when written (or a clean dry run), else ERROR
// with the conflicts (the first ImportConflicts.Cap of them, by row) and how many there were in
// all; nothing is written when there is any conflict.
public sealed record ImportReport(string Status, bool DryRun, ImportCount ImportCount, IReadOnlyList<ImportConflict> Conflicts)
{
    public const string Success = "SUCCESS";
    public const string Error = "ERROR";

    public int TotalConflicts { get; init; } = Conflicts.Count;

    // The changes of a dry run, for the preview page (the API answers with the counts only).
    [JsonIgnore]
    public IReadOnlyList<ImportChange> Changes { get; init; } = [];

    [JsonIgnore]
    public bool Succeeded => Status == Success;

    public static ImportReport Failed(bool dryRun, ImportConflicts conflicts) =>
        new(Error, dryRun, new ImportCount(0, 0, 0, 0), conflicts.InRowOrder()) { TotalConflicts = conflicts.Total };
}
