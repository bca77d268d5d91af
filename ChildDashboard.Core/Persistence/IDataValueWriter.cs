namespace ChildDashboard.Core.Persistence;

// The database side of an import, one implementation per provider: the reads it compares with and
// the bulk writes, all inside one transaction that the import commits or abandons.
public interface IDataValueWriter
{
    Task<IDataValueWriteSession> BeginAsync(CancellationToken ct);
}
