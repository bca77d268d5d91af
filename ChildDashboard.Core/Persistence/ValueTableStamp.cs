namespace ChildDashboard.Core.Persistence;

// Which state of the database an analytics table holds: the last value audit row it reflects
// (named by id, batch and the batch's time, so that a restored or rebuilt database does not pass
// for this one) and the highest value id, which also moves for values seeded without an audit.
public sealed record ValueTableStamp(long AuditId, long AuditBatchId, long AuditTicks, long MaxValueId)
{
    public static readonly ValueTableStamp Empty = new(0, 0, 0, 0);
}
