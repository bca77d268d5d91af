using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Services.Dashboards;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Tests.Core.Services.Dashboards;

public class MapLayoutTests
{
    [Theory]
    [InlineData("2025-06-30", 63)]
    [InlineData("2025-07-01", 34)]
    public async Task EveryProvinceOfTheDayGetsItsOwnCircleNearItsCentroid(string day, int count)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        var units = new OrgUnitDirectory(await db.OrgUnits.AsNoTracking().ToListAsync());
        var provinces = units.OpenOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), 2).ToList();

        var spots = MapLayout.Place(provinces);

        Assert.Equal(count, spots.Count);
        foreach (var a in spots)
        {
            Assert.InRange(a.X, MapLayout.Radius, MapLayout.Width - MapLayout.Radius);
            Assert.InRange(a.Y, MapLayout.Radius, MapLayout.Height - MapLayout.Radius);
            foreach (var b in spots.Where(b => b.UnitId > a.UnitId))
                Assert.True(Math.Sqrt(Math.Pow(a.X - b.X, 2) + Math.Pow(a.Y - b.Y, 2)) >= 2 * MapLayout.Radius - 0.2, $"{a} overlaps {b}");
            var unit = units[a.UnitId];
            var home = MapLayout.Project(unit.Latitude!.Value, unit.Longitude!.Value);
            // Nudged at most a few circles away from where the province is.
            Assert.True(Math.Sqrt(Math.Pow(a.X - home.X, 2) + Math.Pow(a.Y - home.Y, 2)) < 6 * MapLayout.Radius, $"{unit.NameVi} moved too far");
        }
        // North is up: Hà Nội above TP. Hồ Chí Minh.
        var hanoi = spots.Single(s => units[s.UnitId].Code == "01");
        var hcm = spots.Single(s => units[s.UnitId].Code == "79");
        Assert.True(hanoi.Y < hcm.Y);
    }
}
