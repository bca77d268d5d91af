using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Core.Services;

// The data-protection key ring in the database (the web app's IXmlRepository reads and writes it).
public sealed class DataProtectionKeyStore(IDbContextFactory<AppDbContext> factory)
{
    public IReadOnlyList<string> All()
    {
        using var db = factory.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList();
    }

    public void Add(string? friendlyName, string xml)
    {
        using var db = factory.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = xml });
        db.SaveChanges();
    }
}
