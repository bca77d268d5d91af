using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Core.Services;

// Loads the catalogue once and again after a service that changes it calls Invalidate.
public sealed class CatalogueCache(IDbContextFactory<AppDbContext> factory)
{
    private Task<Catalogue>? _current;
    private readonly object _gate = new();

    public Task<Catalogue> GetAsync()
    {
        lock (_gate)
        {
            // A failed load is not kept: the next caller tries again.
            if (_current is null || _current.IsFaulted || _current.IsCanceled)
                _current = Task.Run(() => LoadAsync(CancellationToken.None));
            return _current;
        }
    }

    public void Invalidate()
    {
        lock (_gate)
            _current = null;
    }

    private async Task<Catalogue> LoadAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var units = await db.OrgUnits.AsNoTracking().ToListAsync(ct);
        return new Catalogue(
            new OrgUnitDirectory(units),
            await db.Programmes.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct),
            await db.DataElements.AsNoTracking().OrderBy(e => e.Code).ToListAsync(ct),
            await db.DisaggregationOptions.AsNoTracking().OrderBy(o => o.Id).ToListAsync(ct),
            await db.Indicators.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct),
            await db.Targets.AsNoTracking().ToListAsync(ct),
            await db.ValidationRules.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct),
            await db.ReportForms.AnyAsync(f => f.SubmittedBy == DemoData.UserName || f.ApprovedBy == DemoData.UserName, ct));
    }
}
