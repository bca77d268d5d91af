using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Core.Services;

// Stored values as they are stored (unit, period, option): what GET /api/v1/dataValueSets and the
// exports give, and what imports back unchanged. The values are streamed, one period code at a
// time in the order of the (Period, OrgUnitId) index, so that a national export of millions of
// values goes from the database to the response without being held in memory.
public sealed class DataValueExportService(IDbContextFactory<AppDbContext> factory, CatalogueCache catalogues, TimeProvider time)
{
    public sealed record Query(IReadOnlyList<string> OrgUnits, IReadOnlyList<string> Periods, IReadOnlyList<string> DataElements, bool Children);

    // What a query resolved to: the period codes to read in order, the units (null: all of them) and
    // the elements (empty: all). OutOfScope: every error is a unit outside the caller's scope.
    public sealed record Plan(IReadOnlyList<string> PeriodCodes, HashSet<int>? UnitIds, List<int> ElementIds, Catalogue Catalogue)
    {
        public IReadOnlyList<string> Errors { get; init; } = [];

        public bool OutOfScope { get; init; }
    }

    public sealed record Result(IReadOnlyList<ExportedValue> Values, IReadOnlyList<string> Errors, bool OutOfScope = false);

    public async Task<Plan> PlanAsync(Query query, OrgUnit? scope)
    {
        var catalogue = await catalogues.GetAsync();
        var resolver = new QueryResolver(catalogue, VietnamClock.Today(time), scope);
        var units = resolver.Units(query.OrgUnits);
        var periods = resolver.Periods(query.Periods);
        var elementIds = resolver.DataElements(query.DataElements).Select(e => e.Id).ToList();
        if (!resolver.IsValid)
            return new Plan([], [], [], catalogue) { Errors = resolver.Errors, OutOfScope = resolver.IsOutOfScopeOnly };
        var everything = query.Children && units.Any(u => u.Unit.Id == catalogue.Units.Root?.Id);
        var unitIds = everything ? null : units.SelectMany(u => query.Children ? catalogue.Units.SubtreeOf(u.Unit) : [u.Unit]).Select(u => u.Id).ToHashSet();
        // Every code inside each period (its years, halves, quarters and months), each once.
        var codes = periods.SelectMany(p => Enum.GetValues<PeriodType>().Where(t => t <= p.Type).SelectMany(p.Split)).Select(p => p.Code)
            .Distinct().Order(StringComparer.Ordinal).ToList();
        return new Plan(codes, unitIds, elementIds, catalogue);
    }

    // Row by row, for JSON and small selections.
    public async IAsyncEnumerable<ExportedValue> StreamAsync(Plan plan, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var batch in StreamBatchesAsync(plan, ct))
        {
            foreach (var value in batch)
                yield return value;
        }
    }

    // In batches of a few thousand rows, for the files. The database is read on another thread a
    // few batches ahead of the writer (a bounded channel, so memory stays flat): reading SQLite and
    // formatting the file then share the two cores.
    public async IAsyncEnumerable<ExportedValue[]> StreamBatchesAsync(Plan plan, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var batches = Channel.CreateBounded<ExportedValue[]>(new BoundedChannelOptions(ReadAheadBatches) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = Task.Run(() => ReadAsync(plan, batches.Writer, stop.Token), CancellationToken.None);
        try
        {
            while (await batches.Reader.WaitToReadAsync(ct))
            {
                while (batches.Reader.TryRead(out var batch))
                    yield return batch;
            }
            // The reader's own failure, if it stopped on one.
            await reading;
        }
        finally
        {
            await stop.CancelAsync();
            await reading.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private const int BatchSize = 2048;
    private const int ReadAheadBatches = 4;

    // The SQL is EF's (ValuesOf: the same filters, the same index), read without materialising an
    // entity per row (StoredValueReader). The database gives each period's rows in unit order from
    // the (Period, OrgUnitId) index; the few rows of one unit are put in element and option order
    // here, which costs less than a sort inside the query for every unit.
    private async Task ReadAsync(Plan plan, ChannelWriter<ExportedValue[]> writer, CancellationToken ct)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            await db.Database.OpenConnectionAsync(ct);
            var batch = new List<ExportedValue>(2 * BatchSize);
            var pending = new List<StoredValueReader.Row>(2 * BatchSize);
            foreach (var code in plan.PeriodCodes)
            {
                await using var command = ValuesOf(db, code, plan.UnitIds, plan.ElementIds)
                    .Select(v => new { v.DataElementId, v.OrgUnitId, v.OptionCode, v.Value, v.StoredBy, v.LastUpdatedUtc, v.Comment })
                    .CreateDbCommand();
                using var rows = StoredValueReader.Open(command);
                bool more;
                do
                {
                    ct.ThrowIfCancellationRequested();
                    more = rows.Read(pending, BatchSize);
                    TakeUnits(pending, code, plan.Catalogue, batch, lastUnitComplete: !more);
                    if (batch.Count >= BatchSize)
                    {
                        await writer.WriteAsync([.. batch], ct);
                        batch.Clear();
                    }
                }
                while (more);
            }
            if (batch.Count > 0)
                await writer.WriteAsync([.. batch], ct);
        }
        finally
        {
            writer.TryComplete();
        }
    }

    // Moves the rows of every unit read in full from `pending` to `batch`, each unit's rows in
    // element and option order; the last unit's rows stay unless the period has no more.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TakeUnits(List<StoredValueReader.Row> pending, string period, Catalogue catalogue, List<ExportedValue> batch, bool lastUnitComplete)
    {
        var end = pending.Count;
        if (!lastUnitComplete && end > 0)
        {
            var last = pending[end - 1].UnitId;
            while (end > 0 && pending[end - 1].UnitId == last)
                end--;
        }
        for (var start = 0; start < end;)
        {
            var next = start + 1;
            while (next < end && pending[next].UnitId == pending[start].UnitId)
                next++;
            pending.Sort(start, next - start, RowOrder.Instance);
            for (var i = start; i < next; i++)
            {
                var row = pending[i];
                batch.Add(new ExportedValue(catalogue.ElementsById[row.ElementId].Code, period, catalogue.Units[row.UnitId].Code,
                    row.OptionCode, row.Value, row.StoredBy, row.LastUpdatedUtc, row.Comment));
            }
            start = next;
        }
        pending.RemoveRange(0, end);
    }

    private sealed class RowOrder : IComparer<StoredValueReader.Row>
    {
        public static readonly RowOrder Instance = new();

        public int Compare(StoredValueReader.Row a, StoredValueReader.Row b) =>
            a.ElementId != b.ElementId ? a.ElementId.CompareTo(b.ElementId) : string.CompareOrdinal(a.OptionCode, b.OptionCode);
    }

    // The whole answer in memory: for JSON and small selections only.
    public async Task<Result> ExportAsync(Query query, OrgUnit? scope, CancellationToken ct = default)
    {
        var plan = await PlanAsync(query, scope);
        if (plan.Errors.Count > 0)
            return new Result([], plan.Errors, plan.OutOfScope);
        var values = new List<ExportedValue>();
        await foreach (var value in StreamAsync(plan, ct))
            values.Add(value);
        return new Result(values, []);
    }

    // One period code, in the order of the (Period, OrgUnitId) index; unitIds null reads every unit.
    internal static IQueryable<DataValue> ValuesOf(AppDbContext db, string periodCode, HashSet<int>? unitIds, List<int> elementIds)
    {
        var rows = db.DataValues.AsNoTracking().Where(v => v.Period == periodCode);
        if (unitIds is not null)
            rows = rows.Where(v => unitIds.Contains(v.OrgUnitId));
        if (elementIds.Count > 0)
            rows = rows.Where(v => elementIds.Contains(v.DataElementId));
        // Unit order only: the index gives it without a sort (ReadAsync orders each unit's rows).
        return rows.OrderBy(v => v.OrgUnitId);
    }
}
